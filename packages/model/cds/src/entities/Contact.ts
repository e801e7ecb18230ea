import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullable().default(null);

/**
 * The Common Data Model Contact, the middle of the Contacts templates: Sales Contacts > CDS
 * Contact > F&O contact persons (Contacts) or F&O customers of party type Person (Contacts to
 * Customer).
 */
export const contactSchema = z.strictObject({
  /** The natural, unique key (`CON-01000-BVRCPS`). */
  ContactNumber: z
    .string({ error: 'a contact needs a contact number' })
    .min(1, 'a contact needs a contact number')
    .max(20),
  FirstName: text(50),
  LastName: z.string({ error: 'a contact needs a last name' }).min(1, 'a contact needs a last name').max(50),
  /** "FirstName LastName", as Sales computes it. */
  FullName: text(160),
  /** The CDS organization the contact belongs to (`ORG001`), mapped to an F&O legal entity. */
  Organization_OrganizationId: z.string({ error: 'a contact needs an organization' }).min(1),
  JobTitle: text(100),
  EMailAddress1: text(100),
  Telephone1: text(50),
  MobilePhone: text(50),
  /** Is Active Customer: the contact is a customer itself rather than a company's contact person. */
  IsActiveCustomer: z.boolean().nullable().default(null),
  /** Account number of the company (an account) the contact works for; null when the company is no account. */
  ParentCustomer_AccountNumber: text(20),
  /** ISO 4217 code of the contact's transaction currency. */
  CurrencyCode: z.string().length(3).nullable().default(null),
  /**
   * The CDS organization of the company (primary account) the contact works for; the Contacts
   * template's default is `ORG001`. Carried only: the contact person goes to the legal entity of
   * `Organization_OrganizationId`.
   */
  PrimaryAccount_Organization_OrganizationId: z.string().min(1).nullable().default(null),
  /** The contact's role at its company, as Sales shows it (`Decision Maker`, `Employee`, `Influencer`). */
  PrimaryAccountRole: text(100),
  Address1_Line1: text(250),
  Address1_Line2: text(250),
  Address1_Line3: text(250),
  Address1_City: text(80),
  Address1_County: text(50),
  Address1_StateOrProvince: text(50),
  Address1_PostalCode: text(20),
  /** Free text in Sales (`United States`, `germany`, `DE`). */
  Address1_Country: text(80),
});

export type Contact = z.infer<typeof contactSchema>;

/** The fields of the CDS Contact, for mappings and their validation. */
export const contactFields = Object.keys(contactSchema.shape) as (keyof Contact)[];
