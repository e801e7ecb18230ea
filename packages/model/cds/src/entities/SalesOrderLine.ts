import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);
const required = (message: string, max: number) => z.string({ error: message }).min(1, message).max(max);

/**
 * The CDS SalesOrderLine (F&O CDS sales order lines > CDS SalesOrderLine > Sales order
 * products). `Unit` is the Sales unit's name (`Each`), what the unit value map produces.
 */
export const salesOrderLineSchema = z.strictObject({
  SalesOrderNumber: required('an order line needs its order number', 100),
  LineNumber: z
    .number({ error: 'an order line needs a line number' })
    .int('a line number is a whole number')
    .positive(),
  ProductNumber: required('an order line needs a product number', 100),
  Quantity: z.number({ error: 'an order line needs a quantity' }),
  UnitPrice: z.number().nullable().default(null),
  Unit: text(100),
  LineAmount: z.number().nullable().default(null),
  /** The line's sales tax, in the order's currency. */
  Tax: z.number().nullable().default(null),
  /** The country as Sales shows it (`United States of America`), from F&O's country/region id by the task's value map. */
  DeliveryAddressCountry: text(80),
});

export type SalesOrderLine = z.infer<typeof salesOrderLineSchema>;

/** The fields of the CDS SalesOrderLine, for mappings and their validation. */
export const salesOrderLineFields = Object.keys(salesOrderLineSchema.shape) as (keyof SalesOrderLine)[];
