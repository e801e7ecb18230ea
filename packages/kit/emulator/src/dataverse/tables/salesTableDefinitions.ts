import {
  lookupColumn,
  type SalesRow,
  type TableColumn,
  type TableDefinition,
  type TableReader,
} from './TableDefinition.js';

const text = (maxLength: number, required = false): TableColumn => ({ kind: 'string', maxLength, required });
const money = (required = false): TableColumn => ({
  kind: 'money',
  min: -922_337_203_685_477,
  max: 922_337_203_685_477,
  required,
});
const flag = (): TableColumn => ({ kind: 'boolean', default: false });
const readOnlyMoney: TableColumn = { kind: 'money', readOnly: true };
const ACTIVE_INACTIVE = { 0: 'Active', 1: 'Inactive' };

/** Dataverse money columns keep 2 decimals here (the currency precision of the default currencies). */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function extendedAmount(row: SalesRow): SalesRow {
  const quantity = typeof row['quantity'] === 'number' ? row['quantity'] : 0;
  const price = typeof row['priceperunit'] === 'number' ? row['priceperunit'] : 0;
  return { extendedamount: round2(quantity * price) };
}

function detailColumns(): Record<string, TableColumn> {
  return {
    lineitemnumber: { kind: 'integer', min: 0, max: 2_147_483_647, required: true },
    quantity: { kind: 'decimal', min: -1_000_000_000, max: 1_000_000_000, required: true },
    priceperunit: money(),
    extendedamount: readOnlyMoney,
  };
}

function detailLookups(parentNav: string, parentSet: string) {
  return {
    [parentNav]: { targets: [parentSet], required: true, parental: true },
    productid: { targets: ['products'], required: true },
    uomid: { targets: ['uoms'], required: true },
  };
}

/** A quote's totals from its details, as Sales recalculates them when a line changes. */
function quoteTotals(row: SalesRow, tables: TableReader): SalesRow {
  const details = tables.rows('quotedetails').filter((detail) => detail[lookupColumn('quoteid')] === row['quoteid']);
  const total = details.reduce(
    (sum, detail) => sum + (typeof detail['extendedamount'] === 'number' ? detail['extendedamount'] : 0),
    0,
  );
  const externalOnly =
    details.length > 0 &&
    details.every((detail) => {
      const productId = detail[lookupColumn('productid')];
      const product = typeof productId === 'string' ? tables.row('products', productId) : undefined;
      return product?.['msdyn_isexternallymaintained'] === true;
    });
  return { totalamount: round2(total), msdyn_hasexternallymaintainedproductsonly: externalOnly };
}

const SALES_ORDER_PROCESSING_STATUS = {
  192350000: 'Draft',
  192350001: 'Active',
  192350002: 'Confirmed',
  192350003: 'Packing Slip',
  192350004: 'Invoiced',
  192350005: 'Picked',
  192350006: 'Partially Picked',
  192350007: 'Partially Packed',
  192350008: 'Shipped',
  192350009: 'Partially Shipped',
  192350010: 'Partially Invoiced',
  192350011: 'Cancelled',
};

/**
 * The Sales tables of Prospect to cash beyond accounts and currencies (see P2C-ENTITIES). Each has
 * change tracking on, as dual-write needs it on every table it syncs.
 */
export const SALES_TABLES: readonly TableDefinition[] = [
  {
    set: 'uoms',
    logical: 'uom',
    changeTracking: true,
    primaryKey: 'uomid',
    primaryName: 'name',
    alternateKey: 'name',
    columns: { name: text(100, true) },
    lookups: {},
    states: ACTIVE_INACTIVE,
  },
  {
    set: 'pricelevels',
    logical: 'pricelevel',
    changeTracking: true,
    primaryKey: 'pricelevelid',
    primaryName: 'name',
    alternateKey: 'name',
    columns: { name: text(100, true) },
    lookups: { transactioncurrencyid: { targets: ['transactioncurrencies'], required: true } },
    states: ACTIVE_INACTIVE,
  },
  {
    set: 'contacts',
    logical: 'contact',
    changeTracking: true,
    primaryKey: 'contactid',
    primaryName: 'fullname',
    alternateKey: 'msdyn_contactnumber',
    columns: {
      msdyn_contactnumber: text(20),
      firstname: text(50),
      lastname: text(50, true),
      fullname: { kind: 'string', readOnly: true },
      jobtitle: text(100),
      emailaddress1: text(100),
      telephone1: text(50),
      mobilephone: text(50),
      address1_line1: text(250),
      address1_city: text(80),
      address1_stateorprovince: text(50),
      address1_postalcode: text(20),
      address1_country: text(80),
      msdyn_isactivecustomer: flag(),
    },
    lookups: {
      parentcustomerid: { targets: ['accounts', 'contacts'] },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: ACTIVE_INACTIVE,
    compute: (row) => ({
      fullname: [row['firstname'], row['lastname']]
        .filter((part) => typeof part === 'string' && part !== '')
        .join(' ')
        .trim(),
    }),
  },
  {
    set: 'products',
    logical: 'product',
    changeTracking: true,
    primaryKey: 'productid',
    primaryName: 'name',
    alternateKey: 'productnumber',
    columns: {
      productnumber: text(100, true),
      name: text(100, true),
      description: text(2000),
      msdyn_isexternallymaintained: flag(),
      price: money(),
      quantitydecimal: { kind: 'integer', min: 0, max: 5, default: 2 },
    },
    lookups: {
      defaultuomid: { targets: ['uoms'], required: true },
      pricelevelid: { targets: ['pricelevels'] },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: { 0: 'Active', 1: 'Retired' },
  },
  {
    set: 'productpricelevels',
    logical: 'productpricelevel',
    changeTracking: true,
    primaryKey: 'productpricelevelid',
    primaryName: 'productpricelevelid',
    columns: { amount: money(true) },
    lookups: {
      productid: { targets: ['products'], required: true },
      pricelevelid: { targets: ['pricelevels'], required: true, parental: true },
      uomid: { targets: ['uoms'], required: true },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: ACTIVE_INACTIVE,
    unique: [lookupColumn('productid'), lookupColumn('pricelevelid'), lookupColumn('uomid')],
    compute: (row, tables) => {
      const currency = row[lookupColumn('transactioncurrencyid')];
      if (currency !== null && currency !== undefined) return {};
      const priceLevelId = row[lookupColumn('pricelevelid')];
      const priceLevel = typeof priceLevelId === 'string' ? tables.row('pricelevels', priceLevelId) : undefined;
      return { [lookupColumn('transactioncurrencyid')]: priceLevel?.[lookupColumn('transactioncurrencyid')] ?? null };
    },
  },
  {
    set: 'quotes',
    logical: 'quote',
    changeTracking: true,
    primaryKey: 'quoteid',
    primaryName: 'name',
    alternateKey: 'quotenumber',
    generatedKeyPrefix: 'QUO-01000-',
    columns: {
      quotenumber: text(100),
      name: text(300, true),
      requestdeliveryby: { kind: 'date' },
      description: text(2000),
      totalamount: readOnlyMoney,
      msdyn_hasexternallymaintainedproductsonly: { kind: 'boolean', readOnly: true },
    },
    lookups: {
      customerid: { targets: ['accounts', 'contacts'], required: true },
      pricelevelid: { targets: ['pricelevels'] },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: { 0: 'Draft', 1: 'Active', 2: 'Won', 3: 'Closed' },
    compute: quoteTotals,
  },
  {
    set: 'quotedetails',
    logical: 'quotedetail',
    changeTracking: true,
    primaryKey: 'quotedetailid',
    primaryName: 'quotedetailid',
    columns: detailColumns(),
    lookups: detailLookups('quoteid', 'quotes'),
    states: { 0: 'Active' },
    compute: extendedAmount,
    touches: ['quoteid'],
  },
  {
    set: 'salesorders',
    logical: 'salesorder',
    changeTracking: true,
    primaryKey: 'salesorderid',
    primaryName: 'name',
    alternateKey: 'ordernumber',
    generatedKeyPrefix: 'ORD-01000-',
    columns: {
      ordernumber: text(100),
      name: text(300, true),
      requestdeliveryby: { kind: 'date' },
      totalamount: money(),
      msdyn_processingstatus: { kind: 'picklist', options: SALES_ORDER_PROCESSING_STATUS },
    },
    lookups: {
      customerid: { targets: ['accounts', 'contacts'], required: true },
      pricelevelid: { targets: ['pricelevels'] },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: { 0: 'Active', 1: 'Submitted', 2: 'Canceled', 3: 'Fulfilled', 4: 'Invoiced' },
    statuses: { 1: 'New', 2: 'Pending', 3: 'In Progress', 100001: 'Complete', 100002: 'Partial', 100003: 'Invoiced' },
  },
  {
    set: 'salesorderdetails',
    logical: 'salesorderdetail',
    changeTracking: true,
    primaryKey: 'salesorderdetailid',
    primaryName: 'salesorderdetailid',
    columns: detailColumns(),
    lookups: detailLookups('salesorderid', 'salesorders'),
    states: { 0: 'Active' },
    compute: extendedAmount,
  },
  {
    set: 'invoices',
    logical: 'invoice',
    changeTracking: true,
    primaryKey: 'invoiceid',
    primaryName: 'name',
    alternateKey: 'invoicenumber',
    generatedKeyPrefix: 'INV-01000-',
    columns: {
      invoicenumber: text(100),
      name: text(300, true),
      totalamount: money(),
      duedate: { kind: 'date' },
    },
    lookups: {
      customerid: { targets: ['accounts', 'contacts'], required: true },
      salesorderid: { targets: ['salesorders'] },
      pricelevelid: { targets: ['pricelevels'] },
      transactioncurrencyid: { targets: ['transactioncurrencies'] },
    },
    states: { 0: 'Active', 1: 'Closed', 2: 'Paid', 3: 'Canceled' },
  },
  {
    set: 'invoicedetails',
    logical: 'invoicedetail',
    changeTracking: true,
    primaryKey: 'invoicedetailid',
    primaryName: 'invoicedetailid',
    columns: detailColumns(),
    lookups: detailLookups('invoiceid', 'invoices'),
    states: { 0: 'Active' },
    compute: extendedAmount,
  },
];

/** The entity sets of the tables above, in dependency order (seeds apply in this order). */
export const SALES_TABLE_NAMES = [
  'uoms',
  'pricelevels',
  'contacts',
  'products',
  'productpricelevels',
  'quotes',
  'quotedetails',
  'salesorders',
  'salesorderdetails',
  'invoices',
  'invoicedetails',
] as const;

export type SalesTableName = (typeof SALES_TABLE_NAMES)[number];
