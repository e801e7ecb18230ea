import type { EdmPrimitive, EntityModel, PropertyModel } from '../odata/EntityModel.js';
import type { AccountColumn } from './DataverseAccount.js';

type ColumnKind =
  'primarykey' | 'string' | 'integer' | 'money' | 'boolean' | 'picklist' | 'state' | 'lookup' | 'datetime' | 'version';

export interface ColumnDefinition {
  readonly kind: ColumnKind;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** Option set labels (picklist and state columns). */
  readonly options?: Readonly<Record<number, string>>;
}

const text = (maxLength: number): ColumnDefinition => ({ kind: 'string', maxLength });
const picklist = (options: Record<number, string>): ColumnDefinition => ({ kind: 'picklist', options });

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
const ACCOUNT_STATES = { 0: 'Active', 1: 'Inactive' } as const;

/** The `account` columns the emulator knows, in the order responses list them. */
export const ACCOUNT_COLUMNS: Readonly<Record<AccountColumn, ColumnDefinition>> = {
  accountid: { kind: 'primarykey' },
  name: text(160),
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
  creditonhold: { kind: 'boolean' },
  paymenttermscode: picklist(PAYMENT_TERMS),
  customertypecode: picklist(CUSTOMER_TYPES),
  _transactioncurrencyid_value: { kind: 'lookup' },
  statecode: { kind: 'state', options: ACCOUNT_STATES },
  createdon: { kind: 'datetime' },
  modifiedon: { kind: 'datetime' },
  versionnumber: { kind: 'version' },
};

export const ACCOUNT_COLUMN_NAMES = Object.keys(ACCOUNT_COLUMNS) as AccountColumn[];

const EDM_TYPE: Record<ColumnKind, EdmPrimitive> = {
  primarykey: 'Edm.Guid',
  string: 'Edm.String',
  integer: 'Edm.Int32',
  money: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  picklist: 'Edm.Int32',
  state: 'Edm.Int32',
  lookup: 'Edm.Guid',
  datetime: 'Edm.DateTimeOffset',
  version: 'Edm.Int64',
};

export const TRANSACTION_CURRENCY_MODEL: EntityModel = {
  typeName: 'Microsoft.Dynamics.CRM.transactioncurrency',
  properties: {
    transactioncurrencyid: { type: 'Edm.Guid' },
    isocurrencycode: { type: 'Edm.String' },
    currencyname: { type: 'Edm.String' },
    currencysymbol: { type: 'Edm.String' },
    modifiedon: { type: 'Edm.DateTimeOffset' },
  },
};

export const ACCOUNT_MODEL: EntityModel = {
  typeName: 'Microsoft.Dynamics.CRM.account',
  properties: Object.fromEntries(
    ACCOUNT_COLUMN_NAMES.map((name): [string, PropertyModel] => [name, { type: EDM_TYPE[ACCOUNT_COLUMNS[name].kind] }]),
  ),
  navigation: { transactioncurrencyid: TRANSACTION_CURRENCY_MODEL },
};

export function isAccountColumn(name: string): name is AccountColumn {
  return Object.hasOwn(ACCOUNT_COLUMNS, name);
}
