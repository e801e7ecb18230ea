import { randomUUID } from 'node:crypto';
import type { SeedAccount, SeedSalesRow } from '@p2c/emulator';
import { atAccount, atCurrency, atProduct, atQuote, atUnit, type BindTarget } from './binds.js';
import { nextLineNumber, nextNumber, salesNumber, withOverrides } from './sequence.js';

/** Columns over the defaults; `undefined` leaves a column out (e.g. `{ msdyn_contactnumber: undefined }`). */
export type SalesOverrides = Readonly<Record<string, unknown>>;

/**
 * A Sales account seed row (`sales.accounts`): a company in Seattle with a unique name,
 * `accountid` and account number (`ACC-01000-T…`).
 */
export function salesAccount(overrides: SeedAccount = {}): SeedAccount {
  const n = nextNumber();
  return withOverrides<SeedAccount>(
    {
      accountid: randomUUID(),
      name: `Company ${n}`,
      accountnumber: salesNumber('ACC', n),
      address1_line1: `${n} Main Street`,
      address1_city: 'Seattle',
      address1_country: 'United States',
      telephone1: '+1 425 555 0100',
      emailaddress1: `info@company${n}.example.com`,
    },
    overrides,
  );
}

/**
 * A Sales contact seed row (`sales.contacts`) with a unique `contactid`, contact number and
 * last name; no company unless given: `salesContact({ 'parentcustomerid_account@odata.bind': atAccount(company) })`.
 */
export function salesContact(overrides: SalesOverrides = {}): SeedSalesRow {
  const n = nextNumber();
  return withOverrides<SeedSalesRow>(
    {
      contactid: randomUUID(),
      msdyn_contactnumber: salesNumber('CON', n),
      firstname: 'Maria',
      lastname: `Campbell ${n}`,
      jobtitle: 'Purchasing Manager',
      emailaddress1: `contact${n}@example.com`,
      telephone1: '+1 425 555 0101',
      address1_line1: `${n} Pine Street`,
      address1_city: 'Seattle',
      address1_stateorprovince: 'WA',
      address1_postalcode: '98101',
      address1_country: 'United States',
      msdyn_isactivecustomer: false,
    },
    overrides,
  );
}

/** A unit of measure (`sales.uoms`): `salesUnit({ name: 'Each' })`; a unique name by default. */
export function salesUnit(overrides: SalesOverrides = {}): SeedSalesRow {
  return withOverrides<SeedSalesRow>({ name: `Unit ${nextNumber()}` }, overrides);
}

/** A price list (`sales.pricelevels`) in USD with a unique name. */
export function salesPriceList(overrides: SalesOverrides = {}): SeedSalesRow {
  return withOverrides<SeedSalesRow>(
    { name: `Price list ${nextNumber()}`, 'transactioncurrencyid@odata.bind': atCurrency('USD') },
    overrides,
  );
}

/**
 * A product (`sales.products`) with a unique product number, sold by the unit named `Each`
 * (seed it: `salesUnit({ name: 'Each' })`), made in Sales (not externally maintained).
 */
export function salesProduct(overrides: SalesOverrides = {}): SeedSalesRow {
  const n = nextNumber();
  const productnumber =
    typeof overrides['productnumber'] === 'string' ? overrides['productnumber'] : `PRD-${String(n).padStart(5, '0')}`;
  return withOverrides<SeedSalesRow>(
    {
      productnumber,
      name: `Product ${productnumber}`,
      'defaultuomid@odata.bind': atUnit('Each'),
      msdyn_isexternallymaintained: false,
      quantitydecimal: 2,
    },
    overrides,
  );
}

/**
 * A Draft quote (`sales.quotes`) of an account (a seed row or its number), in USD, with a
 * unique quote number; its name follows the number.
 */
export function salesQuote(customer: BindTarget, overrides: SalesOverrides = {}): SeedSalesRow {
  const n = nextNumber();
  const quotenumber = typeof overrides['quotenumber'] === 'string' ? overrides['quotenumber'] : salesNumber('QUO', n);
  return withOverrides<SeedSalesRow>(
    {
      quotenumber,
      name: `Quote ${quotenumber}`,
      'customerid_account@odata.bind': atAccount(customer),
      'transactioncurrencyid@odata.bind': atCurrency('USD'),
      statecode: 0,
    },
    overrides,
  );
}

/**
 * A line of a quote (a seed row or its number) for a product (a seed row or its number): two
 * of them at 100 by the `Each` unit; line numbers count 1, 2, 3 per quote.
 */
export function salesQuoteDetail(quote: BindTarget, product: BindTarget, overrides: SalesOverrides = {}): SeedSalesRow {
  const parent = atQuote(quote);
  return withOverrides<SeedSalesRow>(
    {
      'quoteid@odata.bind': parent,
      'productid@odata.bind': atProduct(product),
      'uomid@odata.bind': atUnit('Each'),
      lineitemnumber: nextLineNumber(parent),
      quantity: 2,
      priceperunit: 100,
    },
    overrides,
  );
}
