import { z } from 'zod';
import { number, text } from './fields.js';

/** The F&O `SalesQuotationLines` fields. */
export const salesQuotationLinesEntity = z.object({
  dataAreaId: text,
  SalesQuotationNumber: text,
  LineNumber: number,
  ProductNumber: text,
  RequestedSalesQuantity: number,
  SalesPrice: number,
  LineDiscountAmount: number,
  SalesUnitSymbol: text,
  RequestedReceiptDate: text,
  LineAmount: number,
});
