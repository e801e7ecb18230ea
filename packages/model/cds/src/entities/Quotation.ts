import { z } from 'zod';

/** A date as Sales keeps `requestdeliveryby`: `YYYY-MM-DD`. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * The CDS Quotation, the middle of the Sales Quotes template (Sales Quotes > CDS Quotation >
 * F&O sales quotation headers). Only quotes that are Active and hold externally maintained
 * products only get this far: the template's filters leave the others out.
 */
export const quotationSchema = z.strictObject({
  /** The natural key (`QUO-01000-BVRCPS`). */
  QuoteNumber: z.string({ error: 'a quote needs a quote number' }).min(1, 'a quote needs a quote number').max(100),
  Name: z.string({ error: 'a quote needs a name' }).min(1, 'a quote needs a name').max(300),
  /**
   * The customer's natural key: the account number of an account, or the contact number of a
   * contact that Contacts to Customer made a customer. It is the F&O customer account.
   */
  CustomerNumber: z
    .string({ error: 'a quote needs a customer with a number' })
    .min(1, 'a quote needs a customer with a number')
    .max(20),
  /** The CDS organization the quote belongs to (`ORG001`), mapped to an F&O legal entity. */
  Organization_OrganizationId: z.string({ error: 'a quote needs an organization' }).min(1),
  /** ISO 4217 code of the quote's transaction currency. */
  CurrencyCode: z.string().length(3).nullable().default(null),
  /** Required by F&O: the template defaults it (2020-01-01) when Sales leaves it blank. */
  RequestedDeliveryDate: isoDate,
  /** The quote's ship-to address (Sales' `shipto_*`); the street is its lines joined by line breaks. */
  DeliveryAddressName: z.string().max(200).nullable().default(null),
  DeliveryAddressStreet: z.string().max(752).nullable().default(null),
  DeliveryAddressCity: z.string().max(80).nullable().default(null),
  DeliveryAddressStateOrProvince: z.string().max(50).nullable().default(null),
  DeliveryAddressPostalCode: z.string().max(20).nullable().default(null),
  /** As Sales keeps it, free text (`United States`); F&O gets its ISO code. */
  DeliveryAddressCountryRegion: z.string().max(80).nullable().default(null),
  /** Sales' option labels (`Net 30`, `FOB`, `FedEx`): F&O gets them only through a configured value map. */
  PaymentTerms: z.string().max(100).nullable().default(null),
  FreightTerms: z.string().max(100).nullable().default(null),
  ShippingMethod: z.string().max(100).nullable().default(null),
});

export type Quotation = z.infer<typeof quotationSchema>;

/** The fields of the CDS Quotation, for mappings and their validation. */
export const quotationFields = Object.keys(quotationSchema.shape) as (keyof Quotation)[];
