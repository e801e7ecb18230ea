import { z } from 'zod';

/** A date as Sales keeps `requestdeliveryby`: `YYYY-MM-DD`. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

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
  /**
   * Sales' manual discount on the quote product, which F&O reads as a per-unit discount. The
   * price is F&O's ("mastered and handled by Finance and Operations"): the line carries none.
   */
  ManualDiscountAmount: z.number().nonnegative().nullable().default(null),
  /** Required by F&O on lines too: the template defaults it (2020-01-01) when Sales leaves it blank. */
  RequestedDeliveryDate: isoDate,
  /** The Sales unit's name (`Each`); a value map turns it into the F&O unit symbol. */
  UnitName: z.string().max(100).nullable().default(null),
  /** The CDS organization the line belongs to (`ORG001`), mapped to an F&O legal entity. */
  Organization_OrganizationId: z.string({ error: 'a quote line needs an organization' }).min(1),
});

export type QuotationLine = z.infer<typeof quotationLineSchema>;

/** The fields of the CDS Quotation Line, for mappings and their validation. */
export const quotationLineFields = Object.keys(quotationLineSchema.shape) as (keyof QuotationLine)[];
