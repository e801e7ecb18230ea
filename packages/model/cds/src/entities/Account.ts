import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);

/**
 * The Common Data Model Account, the middle of the three-leg accounts template
 * (Sales Accounts > CDS Account > F&O Customers). Field names follow the CDS entity; option
 * sets travel as their labels (`Net 30`), which is what value maps are written against.
 */
export const accountSchema = z.strictObject({
  /** The natural, unique key (`ACC-01000-BVRCPS`). */
  AccountNumber: z
    .string({ error: 'an account needs an account number' })
    .min(1, 'an account needs an account number')
    .max(20),
  Name: z.string({ error: 'an account needs a name' }).min(1, 'an account needs a name').max(160),
  /** The CDS organization the account belongs to (`ORG001`), mapped to an F&O legal entity. */
  Organization_OrganizationId: z.string({ error: 'an account needs an organization' }).min(1),
  Description: text(2000),
  Telephone1: text(50),
  Fax: text(50),
  EMailAddress1: text(100),
  WebSiteURL: text(200),
  NumberOfEmployees: z.number().int().nonnegative().nullable().default(null),
  CreditLimit: z.number().nonnegative().nullable().default(null),
  CreditOnHold: z.boolean().nullable().default(null),
  /** ISO 4217 code of the account's transaction currency. */
  CurrencyCode: z.string().length(3).nullable().default(null),
  PaymentTerms: text(100),
  FreightTerms: text(100),
  ShippingMethod: text(100),
  Address1_Line1: text(250),
  Address1_Line2: text(250),
  Address1_Line3: text(250),
  Address1_City: text(80),
  Address1_StateOrProvince: text(50),
  Address1_County: text(50),
  Address1_PostalCode: text(20),
  /** Free text in Sales (`United States`, `germany`, `DE`). */
  Address1_Country: text(80),
  Address2_Line1: text(250),
  Address2_Line2: text(250),
  Address2_Line3: text(250),
  Address2_City: text(80),
  Address2_StateOrProvince: text(50),
  Address2_County: text(50),
  Address2_PostalCode: text(20),
  Address2_Country: text(80),
});

export type Account = z.infer<typeof accountSchema>;

/** The fields of the CDS Account, for mappings and their validation. */
export const accountFields = Object.keys(accountSchema.shape) as (keyof Account)[];
