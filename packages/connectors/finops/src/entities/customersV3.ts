import { z } from 'zod';

const text = z.string().nullable();
const address = (prefix: string): Record<string, typeof text> =>
  Object.fromEntries(
    ['Street', 'City', 'State', 'County', 'ZipCode', 'CountryRegionISOCode', 'CountryRegionId'].map((part) => [
      `${prefix}${part}`,
      text,
    ]),
  );

/** The CustomersV3 columns p2c reads and writes, with F&O's types (a NoYes enum travels as `Yes`/`No`). */
export const customersV3Entity = z.strictObject({
  CustomerAccount: z.string(),
  dataAreaId: z.string(),
  OrganizationName: text,
  PersonFirstName: text,
  PersonLastName: text,
  PartyType: text,
  PartyNumber: text,
  CustomerGroupId: z.string(),
  SalesCurrencyCode: text,
  LanguageId: text,
  SiteId: text,
  WarehouseId: text,
  PaymentTerms: text,
  PaymentMethod: text,
  DeliveryMode: text,
  DeliveryTerms: text,
  CreditLimit: z.number().nullable(),
  InvoiceAccount: text,
  IsExternallyMaintained: z.enum(['Yes', 'No']).nullable(),
  SalesTaxGroup: text,
  SalesMemo: text,
  OrganizationNumberOfEmployees: z.number().int().nullable(),
  ...address('Address'),
  ...address('DeliveryAddress'),
  ...address('InvoiceAddress'),
  PrimaryContactEmail: text,
  PrimaryContactPhone: text,
  PrimaryContactFax: text,
  PrimaryContactURL: text,
});
