import type { TableDefinition } from '../TableDefinition.js';
import { billToColumns } from './addressColumns.js';
import { detailColumns, detailLookups, extendedAmount, money, taxColumn, text } from './columns.js';

/** Invoices (`invoice`). */
export const INVOICE_TABLE: TableDefinition = {
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
    ...billToColumns(),
  },
  lookups: {
    customerid: { targets: ['accounts', 'contacts'], required: true },
    // The user or team that owns the row (`ownerid@odata.bind`: `/systemusers(…)` or `/teams(…)`).
    ownerid: { targets: ['systemusers', 'teams'] },
    salesorderid: { targets: ['salesorders'] },
    pricelevelid: { targets: ['pricelevels'] },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: { 0: 'Active', 1: 'Closed', 2: 'Paid', 3: 'Canceled' },
};

/** Invoice lines (`invoicedetail`). */
export const INVOICE_DETAIL_TABLE: TableDefinition = {
  set: 'invoicedetails',
  logical: 'invoicedetail',
  changeTracking: true,
  primaryKey: 'invoicedetailid',
  primaryName: 'invoicedetailid',
  columns: { ...detailColumns(), tax: taxColumn() },
  lookups: detailLookups('invoiceid', 'invoices'),
  states: { 0: 'Active' },
  compute: extendedAmount,
};
