import { z } from 'zod';

/**
 * The CDS Quotation Line, the middle of the Sales Quotes template's lines (Sales QuoteDetails >
 * CDS Quotation Line > F&O sales quotation lines). A line is named by its quote's number and
 * its line number (`QUO-01000-BVRCPS|1`).
 */
export const quotationLineSchema = z.strictObject({
  QuoteNumber: z
    .string({ error: 'a quote line needs its quote number' })
    .min(1, 'a quote line needs its quote number')
    .max(100),
  LineNumber: z.number({ error: 'a quote line needs a line number' }).int().positive(),
  /** The product's natural key, as the Products template wrote it to Sales. */
  ProductNumber: z
    .string({ error: 'a quote line needs a product with a number' })
    .min(1, 'a quote line needs a product with a number')
    .max(100),
  Quantity: z.number({ error: 'a quote line needs a quantity' }),
  PricePerUnit: z.number().nullable().default(null),
  /** The Sales unit's name (`Each`); a value map turns it into the F&O unit symbol. */
  UnitName: z.string().max(100).nullable().default(null),
  /** The CDS organization the line belongs to (`ORG001`), mapped to an F&O legal entity. */
  Organization_OrganizationId: z.string({ error: 'a quote line needs an organization' }).min(1),
});

export type QuotationLine = z.infer<typeof quotationLineSchema>;

/** The fields of the CDS Quotation Line, for mappings and their validation. */
export const quotationLineFields = Object.keys(quotationLineSchema.shape) as (keyof QuotationLine)[];
