import { randomUUID } from 'node:crypto';

type SalesAccountRow = Record<string, unknown>;

let counter = 0;

/** A Sales account row as the Dataverse Web API returns it, built step by step for a test. */
export class AccountBuilder {
  #row: SalesAccountRow;

  constructor() {
    counter += 1;
    this.#row = {
      accountid: randomUUID(),
      name: `Account ${counter}`,
      accountnumber: `ACC-${String(counter).padStart(5, '0')}-TESTAA`,
      address1_line1: `${counter} Main Street`,
      address1_city: 'Seattle',
      address1_country: 'United States',
      telephone1: '+1 425 555 0100',
      emailaddress1: `account${counter}@example.com`,
    };
  }

  withNumber(accountnumber: string): this {
    this.#row.accountnumber = accountnumber;
    return this;
  }

  withoutNumber(): this {
    this.#row.accountnumber = null;
    return this;
  }

  named(name: string): this {
    this.#row.name = name;
    return this;
  }

  in(country: string | null): this {
    this.#row.address1_country = country;
    return this;
  }

  with(fields: SalesAccountRow): this {
    Object.assign(this.#row, fields);
    return this;
  }

  build(): SalesAccountRow {
    return { ...this.#row };
  }
}

export const anAccount = (): AccountBuilder => new AccountBuilder();
