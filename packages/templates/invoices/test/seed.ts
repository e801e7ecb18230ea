import { finopsInvoice, finopsInvoiceLine, type FinOpsRow } from '@p2c/testing';

// Invoices come of orders: the orders template's test data is theirs too.
export { USD, anOrder, anOrderLine, baseSeed } from '../../orders/test/seed.js';

const CONTOSO = 'ACC-01000-CONTSO';

type Row = Record<string, string | number>;

/** A `SalesInvoiceHeadersV2` row: Contoso's invoice of an order, in USD. */
export const anInvoice = (number: string, order: string, overrides: Row = {}): FinOpsRow =>
  finopsInvoice(CONTOSO, { InvoiceNumber: number, SalesOrderNumber: order, TotalInvoiceAmount: 439.98, ...overrides });

/** A `SalesInvoiceLinesV2` row: two D0001 speakers by the each. */
export const anInvoiceLine = (invoice: string, line: number, overrides: Row = {}): FinOpsRow =>
  finopsInvoiceLine(invoice, 'D0001', { LineNumber: line, SalesPrice: 219.99, ...overrides });
