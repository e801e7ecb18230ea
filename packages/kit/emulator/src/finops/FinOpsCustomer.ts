/**
 * A `CustomersV3` row as F&O's OData service returns it: flat, strings never null (X++
 * strings are empty, not NULL), enums as their member names, dataAreaId in lower case.
 */
export interface FinOpsCustomer {
  CustomerAccount: string;
  dataAreaId: string;
  OrganizationName: string;
  /** For PartyType `Person`: the person's first name. */
  PersonFirstName: string;
  /** For PartyType `Person`: the person's last name (mandatory for a person). */
  PersonLastName: string;
  PartyType: string;
  PartyNumber: string;
  CustomerGroupId: string;
  SalesCurrencyCode: string;
  LanguageId: string;
  SiteId: string;
  WarehouseId: string;
  PaymentTerms: string;
  PaymentMethod: string;
  DeliveryMode: string;
  DeliveryTerms: string;
  CreditLimit: number;
  InvoiceAccount: string;
  IsExternallyMaintained: 'Yes' | 'No';
  SalesTaxGroup: string;
  SalesMemo: string;
  OrganizationNumberOfEmployees: number;
  AddressStreet: string;
  AddressCity: string;
  AddressState: string;
  AddressCounty: string;
  AddressZipCode: string;
  AddressCountryRegionISOCode: string;
  AddressCountryRegionId: string;
  DeliveryAddressStreet: string;
  DeliveryAddressCity: string;
  DeliveryAddressState: string;
  DeliveryAddressCounty: string;
  DeliveryAddressZipCode: string;
  DeliveryAddressCountryRegionISOCode: string;
  DeliveryAddressCountryRegionId: string;
  InvoiceAddressStreet: string;
  InvoiceAddressCity: string;
  InvoiceAddressState: string;
  InvoiceAddressCounty: string;
  InvoiceAddressZipCode: string;
  InvoiceAddressCountryRegionISOCode: string;
  InvoiceAddressCountryRegionId: string;
  PrimaryContactEmail: string;
  PrimaryContactPhone: string;
  PrimaryContactFax: string;
  PrimaryContactURL: string;
}

export type CustomerField = keyof FinOpsCustomer;

/** A `CustomerGroups` row. */
export interface FinOpsCustomerGroup {
  dataAreaId: string;
  CustomerGroupId: string;
  Description: string;
}
