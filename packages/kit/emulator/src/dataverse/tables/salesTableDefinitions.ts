import type { TableDefinition } from './TableDefinition.js';
import { CONTACT_TABLE } from './sales/contactTable.js';
import { INVOICE_DETAIL_TABLE, INVOICE_TABLE } from './sales/invoiceTables.js';
import { SYSTEM_USER_TABLE, TEAM_TABLE } from './sales/ownerTables.js';
import { PRICE_LEVEL_TABLE, PRODUCT_PRICE_LEVEL_TABLE } from './sales/priceListTables.js';
import { PRODUCT_TABLE } from './sales/productTable.js';
import { QUOTE_DETAIL_TABLE, QUOTE_TABLE } from './sales/quoteTables.js';
import { SALES_ORDER_DETAIL_TABLE, SALES_ORDER_TABLE } from './sales/salesOrderTables.js';
import { UOM_SCHEDULE_TABLE } from './sales/unitGroupTable.js';
import { UOM_TABLE } from './sales/unitTables.js';

/**
 * The Sales tables of Prospect to cash beyond accounts and currencies (see P2C-ENTITIES), one
 * file each in `sales/`. Each has change tracking on, as dual-write needs it on every table it syncs.
 */
export const SALES_TABLES: readonly TableDefinition[] = [
  UOM_SCHEDULE_TABLE,
  SYSTEM_USER_TABLE,
  TEAM_TABLE,
  UOM_TABLE,
  PRICE_LEVEL_TABLE,
  CONTACT_TABLE,
  PRODUCT_TABLE,
  PRODUCT_PRICE_LEVEL_TABLE,
  QUOTE_TABLE,
  QUOTE_DETAIL_TABLE,
  SALES_ORDER_TABLE,
  SALES_ORDER_DETAIL_TABLE,
  INVOICE_TABLE,
  INVOICE_DETAIL_TABLE,
];

/** The entity sets of the tables above, in dependency order (seeds apply in this order). */
export const SALES_TABLE_NAMES = [
  'uomschedules',
  'systemusers',
  'teams',
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
