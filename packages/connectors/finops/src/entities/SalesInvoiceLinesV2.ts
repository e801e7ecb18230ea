import { z } from 'zod';
import { number, text } from './fields.js';

/** The F&O `SalesInvoiceLinesV2` fields. */
export const salesInvoiceLinesV2Entity = z.object({
  dataAreaId: text,
  InvoiceNumber: text,
  LineNumber: number,
  ProductNumber: text,
  InvoicedQuantity: number,
  SalesPrice: number,
  SalesUnitSymbol: text,
  LineAmount: number,
  LineTotalTaxAmount: number,
});
