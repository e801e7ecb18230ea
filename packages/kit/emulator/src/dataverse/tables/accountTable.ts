import type { TableColumn, TableDefinition } from './TableDefinition.js';

const text = (maxLength: number): TableColumn => ({ kind: 'string', maxLength });
const picklist = (options: Record<number, string>): TableColumn => ({ kind: 'picklist', options });

const PAYMENT_TERMS = { 1: 'Net 30', 2: '2% 10, Net 30', 3: 'Net 45', 4: 'Net 60' } as const;
const FREIGHT_TERMS = { 1: 'FOB', 2: 'No Charge' } as const;
const SHIPPING_METHODS = {
  1: 'Airborne',
  2: 'DHL',
  3: 'FedEx',
  4: 'UPS',
  5: 'Postal Mail',
  6: 'Full Load',
  7: 'Will Call',
} as const;
const CUSTOMER_TYPES = { 3: 'Customer' } as const;

const MONTH_DAY_YEAR = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/**
 * Sales `accounts`, declared like every other table. What sets it apart are settings: no
 * statuscode column, an account number that is unique only for Web API writes (real
 * organisations hold duplicates), a required name only for Web API writes, the base currency by
 * default, and money and dates formatted as Sales shows them.
 */
export const ACCOUNT_TABLE: TableDefinition = {
  set: 'accounts',
  logical: 'account',
  changeTracking: true,
  primaryKey: 'accountid',
  primaryName: 'name',
  alternateKey: 'accountnumber',
  alternateKeyUnique: 'webapi',
  alternateKeyLabels: { attribute: 'Account Number', key: 'Account Number Key' },
  statusCode: false,
  columns: {
    name: { kind: 'string', maxLength: 160, required: 'webapi' },
    accountnumber: text(20),
    address1_line1: text(250),
    address1_line2: text(250),
    address1_line3: text(250),
    address1_city: text(80),
    address1_stateorprovince: text(50),
    address1_postalcode: text(20),
    address1_country: text(80),
    address1_county: text(50),
    address1_freighttermscode: picklist(FREIGHT_TERMS),
    address1_shippingmethodcode: picklist(SHIPPING_METHODS),
    address2_line1: text(250),
    address2_line2: text(250),
    address2_line3: text(250),
    address2_city: text(80),
    address2_stateorprovince: text(50),
    address2_postalcode: text(20),
    address2_country: text(80),
    address2_county: text(50),
    telephone1: text(50),
    fax: text(50),
    emailaddress1: text(100),
    websiteurl: text(200),
    description: text(2000),
    numberofemployees: { kind: 'integer', min: 0, max: 1_000_000_000 },
    creditlimit: { kind: 'money', min: 0, max: 100_000_000_000_000 },
    creditonhold: { kind: 'boolean', default: false },
    paymenttermscode: picklist(PAYMENT_TERMS),
    customertypecode: picklist(CUSTOMER_TYPES),
  },
  lookups: { transactioncurrencyid: { targets: ['transactioncurrencies'], defaultsToBaseCurrency: true } },
  states: { 0: 'Active', 1: 'Inactive' },
  formattedValue(column, value, row, tables) {
    if (column === 'creditlimit' && typeof value === 'number') {
      const currencyId = row['_transactioncurrencyid_value'];
      const currency = typeof currencyId === 'string' ? tables.currency(currencyId) : undefined;
      const amount = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${currency?.currencysymbol ?? ''}${amount}`;
    }
    if ((column === 'createdon' || column === 'modifiedon') && typeof value === 'string') {
      return MONTH_DAY_YEAR.format(new Date(value))
        .replace(',', '')
        .replace(/\u202f/g, ' ');
    }
    return undefined;
  },
};
