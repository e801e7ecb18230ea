import type { SeedAccount, SeedCustomer } from '../../src/index.js';

/** `anAccount().numbered('ACC-01000-BVRCPS').named('Contoso').build()` */
export function anAccount(): AccountBuilder {
  return new AccountBuilder();
}

class AccountBuilder {
  #row: SeedAccount = { name: 'Contoso Ltd', address1_country: 'United States' };

  withId(accountid: string): this {
    this.#row = { ...this.#row, accountid };
    return this;
  }

  named(name: string | null): this {
    this.#row = { ...this.#row, name };
    return this;
  }

  numbered(accountnumber: string | null): this {
    this.#row = { ...this.#row, accountnumber };
    return this;
  }

  withoutNumber(): this {
    return this.numbered(null);
  }

  inCurrency(isocurrencycode: string): this {
    this.#row = { ...this.#row, transactioncurrencyid: { isocurrencycode } };
    return this;
  }

  with(columns: SeedAccount): this {
    this.#row = { ...this.#row, ...columns };
    return this;
  }

  build(): SeedAccount {
    return { ...this.#row };
  }
}

/** `aCustomer('C-1').inCompany('usrt').build()` */
export function aCustomer(account: string): CustomerBuilder {
  return new CustomerBuilder(account);
}

class CustomerBuilder {
  #row: SeedCustomer;

  constructor(account: string) {
    this.#row = {
      CustomerAccount: account,
      OrganizationName: `Customer ${account}`,
      PartyType: 'Organization',
      CustomerGroupId: '10',
      SalesCurrencyCode: 'USD',
    };
  }

  inCompany(dataAreaId: string): this {
    this.#row = { ...this.#row, dataAreaId };
    return this;
  }

  with(fields: Partial<SeedCustomer>): this {
    this.#row = { ...this.#row, ...fields };
    return this;
  }

  build(): SeedCustomer {
    return { ...this.#row };
  }
}
