import { lookupColumn, type TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, money, text } from './columns.js';

/** Price lists (`pricelevel`), one currency each. */
export const PRICE_LEVEL_TABLE: TableDefinition = {
  set: 'pricelevels',
  logical: 'pricelevel',
  changeTracking: true,
  primaryKey: 'pricelevelid',
  primaryName: 'name',
  alternateKey: 'name',
  columns: { name: text(100, true) },
  lookups: { transactioncurrencyid: { targets: ['transactioncurrencies'], required: true } },
  states: ACTIVE_INACTIVE,
};

/** Price list items (`productpricelevel`): a product's price in a unit on a price list. */
export const PRODUCT_PRICE_LEVEL_TABLE: TableDefinition = {
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
};
