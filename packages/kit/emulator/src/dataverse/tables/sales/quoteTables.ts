import { lookupColumn, type SalesRow, type TableDefinition, type TableReader } from '../TableDefinition.js';
import { detailColumns, detailLookups, flag, readOnlyMoney, round2, taxColumn, text } from './columns.js';
import { shipToColumns } from './addressColumns.js';

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

/** Quotes (`quote`). */
export const QUOTE_TABLE: TableDefinition = {
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
    paymenttermscode: { kind: 'picklist', options: { 1: 'Net 30', 2: '2% 10, Net 30', 3: 'Net 45', 4: 'Net 60' } },
    freighttermscode: { kind: 'picklist', options: { 1: 'FOB', 2: 'No Charge' } },
    shippingmethodcode: {
      kind: 'picklist',
      options: { 1: 'Airborne', 2: 'DHL', 3: 'FedEx', 4: 'UPS', 5: 'Postal Mail', 6: 'Full Load', 7: 'Will Call' },
    },
    ...shipToColumns(),
  },
  lookups: {
    customerid: { targets: ['accounts', 'contacts'], required: true },
    pricelevelid: { targets: ['pricelevels'] },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: { 0: 'Draft', 1: 'Active', 2: 'Won', 3: 'Closed' },
  compute: quoteTotals,
};

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * A quote product's amounts, as Sales calculates them when set up as the Prospect to cash
 * document asks (Discount calculation method: Per unit): the manual discount comes off each unit.
 */
function quoteDetailAmounts(row: SalesRow): SalesRow {
  const quantity = num(row['quantity']);
  const price = num(row['priceperunit']);
  const discounted = quantity * (price - num(row['manualdiscountamount']));
  return { baseamount: round2(quantity * price), extendedamount: round2(discounted + num(row['tax'])) };
}

/** Quote lines (`quotedetail`); a change recalculates the quote. */
export const QUOTE_DETAIL_TABLE: TableDefinition = {
  set: 'quotedetails',
  logical: 'quotedetail',
  changeTracking: true,
  primaryKey: 'quotedetailid',
  primaryName: 'quotedetailid',
  columns: {
    ...detailColumns(),
    baseamount: readOnlyMoney,
    ispriceoverridden: flag(),
    manualdiscountamount: { kind: 'money', min: 0, max: 1_000_000_000_000 },
    tax: taxColumn(),
    requestdeliveryby: { kind: 'date' },
    ...shipToColumns(),
  },
  lookups: detailLookups('quoteid', 'quotes'),
  states: { 0: 'Active' },
  compute: quoteDetailAmounts,
  touches: ['quoteid'],
};
