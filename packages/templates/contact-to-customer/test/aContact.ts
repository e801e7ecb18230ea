import { randomUUID } from 'node:crypto';

type Row = Record<string, unknown>;

let counter = 0;

/** A Sales account seed row with an account number, for the contacts' companies. */
export function anAccount(fields: Row = {}): Row {
  counter += 1;
  return {
    accountid: randomUUID(),
    name: `Company ${counter}`,
    accountnumber: `ACC-${String(counter).padStart(5, '0')}-TESTCO`,
    address1_country: 'United States',
    ...fields,
  };
}

/** A Sales contact seed row, written as the Web API takes it (the company by `@odata.bind`). */
export class ContactBuilder {
  #row: Row;

  constructor() {
    counter += 1;
    this.#row = {
      contactid: randomUUID(),
      msdyn_contactnumber: `CON-${String(counter).padStart(5, '0')}-TESTCT`,
      firstname: 'Maria',
      lastname: `Campbell ${counter}`,
      jobtitle: 'Purchasing Manager',
      emailaddress1: `contact${counter}@example.com`,
      telephone1: '+1 425 555 0101',
      msdyn_isactivecustomer: false,
      address1_line1: `${counter} Pine Street`,
      address1_city: 'Seattle',
      address1_stateorprovince: 'WA',
      address1_postalcode: '98101',
      address1_country: 'United States',
    };
  }

  worksFor(account: Row): this {
    this.#row['parentcustomerid_account@odata.bind'] = `/accounts(${String(account.accountid)})`;
    return this;
  }

  worksForContact(contact: Row): this {
    this.#row['parentcustomerid_contact@odata.bind'] = `/contacts(${String(contact.contactid)})`;
    return this;
  }

  paysIn(currencyId: string): this {
    this.#row['transactioncurrencyid@odata.bind'] = `/transactioncurrencies(${currencyId})`;
    return this;
  }

  in(country: string | null): this {
    this.#row.address1_country = country;
    return this;
  }

  activeCustomer(): this {
    this.#row.msdyn_isactivecustomer = true;
    return this;
  }

  withoutNumber(): this {
    delete this.#row.msdyn_contactnumber;
    return this;
  }

  with(fields: Row): this {
    Object.assign(this.#row, fields);
    return this;
  }

  build(): Row {
    return { ...this.#row };
  }
}

export const aContact = (): ContactBuilder => new ContactBuilder();
