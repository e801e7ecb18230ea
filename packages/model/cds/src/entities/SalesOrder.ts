import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);
const required = (message: string, max: number) => z.string({ error: message }).min(1, message).max(max);

/** F&O's sales order processing statuses, in the order Sales numbers its options. */
export const salesOrderProcessingStatuses = [
  'Draft',
  'Active',
  'Confirmed',
  'PackingSlip',
  'Invoiced',
  'Picked',
  'PartiallyPicked',
  'PartiallyPacked',
  'Shipped',
  'PartiallyShipped',
  'PartiallyInvoiced',
  'Cancelled',
] as const;

export type SalesOrderProcessingStatus = (typeof salesOrderProcessingStatuses)[number];

/**
 * The CDS SalesOrder, the middle of the three-leg orders template (F&O CDS sales order headers >
 * CDS SalesOrder > Sales orders). Dates are calendar dates (`2026-03-01`).
 */
export const salesOrderSchema = z.strictObject({
  /** The natural, unique key (`SO-000123`). */
  SalesOrderNumber: required('a sales order needs an order number', 100),
  Name: text(300),
  /** The ordering customer's account number: a Sales account number or contact number. */
  CustomerAccountNumber: required('a sales order needs an ordering customer', 100),
  InvoiceCustomerAccountNumber: text(100),
  /** ISO 4217 code. */
  CurrencyCode: z.string({ error: 'a sales order needs a currency' }).length(3, 'a currency code has 3 letters'),
  RequestedDeliveryDate: z.iso.date().nullable().default(null),
  ProcessingStatus: z.enum(salesOrderProcessingStatuses).nullable().default(null),
  TotalAmount: z.number().nullable().default(null),
  QuotationNumber: text(100),
  /** The country as Sales shows it (`United States of America`), from F&O's country/region id by the task's value map. */
  BillingAddressCountry: text(80),
  DeliveryAddressCountry: text(80),
});

export type SalesOrder = z.infer<typeof salesOrderSchema>;

/** The fields of the CDS SalesOrder, for mappings and their validation. */
export const salesOrderFields = Object.keys(salesOrderSchema.shape) as (keyof SalesOrder)[];
