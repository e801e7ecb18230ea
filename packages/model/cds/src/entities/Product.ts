import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);

/**
 * The Common Data Model Product, the middle of the products template
 * (F&O Released distinct products > CDS Product > Sales Products). Each product variant is a
 * product of its own, with its own product number.
 */
export const productSchema = z.strictObject({
  /** The natural, unique key: F&O's product number (a variant has its own). */
  ProductNumber: z
    .string({ error: 'a product needs a product number' })
    .min(1, 'a product needs a product number')
    .max(100),
  /** F&O's item number (the shared master of a product's variants). */
  ItemNumber: text(100),
  Name: z.string({ error: 'a product needs a name' }).min(1, 'a product needs a name').max(100),
  Description: text(2000),
  /** `Product` or `Variant` (kept as text: nothing in Sales depends on it). */
  ProductSubtype: text(20),
  /** The name of the product's unit in Sales (`Each`), from F&O's sales unit by a value map. */
  DefaultUnit: z
    .string({ error: 'a product needs a sales unit (F&O SalesUnitSymbol)' })
    .min(1, 'a product needs a sales unit (F&O SalesUnitSymbol)')
    .max(100),
  /** F&O's sales price, the product's list price and its price in its price list. */
  SalesPrice: z.number().nonnegative().nullable().default(null),
  /** ISO 4217 code of the sales price's currency. */
  CurrencyCode: z
    .string({ error: 'a product needs a sales currency (F&O SalesCurrencyCode)' })
    .length(3, 'a sales currency is a three-letter ISO 4217 code'),
});

export type Product = z.infer<typeof productSchema>;

/** The fields of the CDS Product, for mappings and their validation. */
export const productFields = Object.keys(productSchema.shape) as (keyof Product)[];
