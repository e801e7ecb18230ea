import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);
const required = (message: string, max: number) => z.string({ error: message }).min(1, message).max(max);

/**
 * The CDS SalesInvoiceLine (F&O sales invoice lines > CDS SalesInvoiceLine > Sales invoice
 * products). `Unit` is the Sales unit's name (`Each`), what the unit value map produces.
 */
export const salesInvoiceLineSchema = z.strictObject({
  InvoiceNumber: required('an invoice line needs its invoice number', 100),
  LineNumber: z
    .number({ error: 'an invoice line needs a line number' })
    .int('a line number is a whole number')
    .positive(),
  ProductNumber: required('an invoice line needs a product number', 100),
  Quantity: z.number({ error: 'an invoice line needs a quantity' }),
  UnitPrice: z.number().nullable().default(null),
  Unit: text(100),
  LineAmount: z.number().nullable().default(null),
  /** The line's sales tax, in the invoice's currency. */
  Tax: z.number().nullable().default(null),
});

export type SalesInvoiceLine = z.infer<typeof salesInvoiceLineSchema>;

/** The fields of the CDS SalesInvoiceLine, for mappings and their validation. */
export const salesInvoiceLineFields = Object.keys(salesInvoiceLineSchema.shape) as (keyof SalesInvoiceLine)[];
