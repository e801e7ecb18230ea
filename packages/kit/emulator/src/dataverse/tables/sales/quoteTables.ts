import { lookupColumn, type SalesRow, type TableDefinition, type TableReader } from '../TableDefinition.js';
import { detailColumns, detailLookups, extendedAmount, readOnlyMoney, round2, text } from './columns.js';

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
  },
  lookups: {
    customerid: { targets: ['accounts', 'contacts'], required: true },
    pricelevelid: { targets: ['pricelevels'] },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: { 0: 'Draft', 1: 'Active', 2: 'Won', 3: 'Closed' },
  compute: quoteTotals,
};

/** Quote lines (`quotedetail`); a change recalculates the quote. */
export const QUOTE_DETAIL_TABLE: TableDefinition = {
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
};
