import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);
const required = (message: string, max: number) => z.string({ error: message }).min(1, message).max(max);

/**
 * The CDS SalesInvoice (F&O sales invoice headers > CDS SalesInvoice > Sales invoices), for
 * customers that Sales maintains. Dates are calendar dates (`2026-03-01`).
 */
export const salesInvoiceSchema = z.strictObject({
  /** The natural, unique key (`CIV-000042`). */
  InvoiceNumber: required('a sales invoice needs an invoice number', 100),
  Name: text(300),
  InvoiceDate: z.iso.date({ error: 'a sales invoice needs an invoice date' }),
  /** The order invoiced, when the invoice came from one. */
  SalesOrderNumber: text(100),
  /** The invoice customer's account number: a Sales account number or contact number. */
  CustomerAccountNumber: required('a sales invoice needs an invoice customer', 100),
  /** ISO 4217 code. */
  CurrencyCode: z.string({ error: 'a sales invoice needs a currency' }).length(3, 'a currency code has 3 letters'),
  TotalAmount: z.number().nullable().default(null),
  /** The country as Sales shows it (`United States of America`), from F&O's country/region id by the task's value map. */
  BillingAddressCountry: text(80),
});

export type SalesInvoice = z.infer<typeof salesInvoiceSchema>;

/** The fields of the CDS SalesInvoice, for mappings and their validation. */
export const salesInvoiceFields = Object.keys(salesInvoiceSchema.shape) as (keyof SalesInvoice)[];
