import type { TableDefinition } from '../TableDefinition.js';
import { flag, money, text } from './columns.js';

/** Products (`product`), keyed by product number. */
export const PRODUCT_TABLE: TableDefinition = {
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
};
