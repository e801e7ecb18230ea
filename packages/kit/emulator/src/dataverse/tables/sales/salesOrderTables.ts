import type { TableDefinition } from '../TableDefinition.js';
import { billToColumns, shipToColumns } from './addressColumns.js';
import { detailColumns, detailLookups, extendedAmount, money, taxColumn, text } from './columns.js';

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

/** Orders (`salesorder`). */
export const SALES_ORDER_TABLE: TableDefinition = {
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
    // The Prospect to cash solution's "Is Maintained Externally": Yes on orders that come from F&O.
    msdyn_isexternallymaintained: { kind: 'boolean', default: false },
    ...billToColumns(),
    ...shipToColumns(),
  },
  lookups: {
    customerid: { targets: ['accounts', 'contacts'], required: true },
    // The user or team that owns the row (`ownerid@odata.bind`: `/systemusers(…)` or `/teams(…)`).
    ownerid: { targets: ['systemusers', 'teams'] },
    pricelevelid: { targets: ['pricelevels'] },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: { 0: 'Active', 1: 'Submitted', 2: 'Canceled', 3: 'Fulfilled', 4: 'Invoiced' },
  // A fulfilled or invoiced order is read-only in Sales.
  closedStates: [3, 4],
  statuses: { 1: 'New', 2: 'Pending', 3: 'In Progress', 100001: 'Complete', 100002: 'Partial', 100003: 'Invoiced' },
};

/** Order lines (`salesorderdetail`). */
export const SALES_ORDER_DETAIL_TABLE: TableDefinition = {
  set: 'salesorderdetails',
  logical: 'salesorderdetail',
  changeTracking: true,
  primaryKey: 'salesorderdetailid',
  primaryName: 'salesorderdetailid',
  columns: { ...detailColumns(), tax: taxColumn(), ...shipToColumns() },
  lookups: detailLookups('salesorderid', 'salesorders'),
  states: { 0: 'Active' },
  compute: extendedAmount,
};
