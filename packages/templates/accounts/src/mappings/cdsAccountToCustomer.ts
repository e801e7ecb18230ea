import type { FieldMapping, Mapping } from '@p2c/core';

const fixed = (target: string, value: string): FieldMapping => ({
  target,
  transforms: [{ transformType: 'Default', value }],
});

/** An F&O address (`Address`, `DeliveryAddress`, `InvoiceAddress`) from a CDS one. */
function addressFields(prefix: string, from: 'Address1' | 'Address2', defaultCountry?: string): FieldMapping[] {
  return [
    { target: `${prefix}Street`, transforms: [{ transformType: 'Function', name: `${from}Street` }] },
    { target: `${prefix}City`, source: `${from}_City` },
    { target: `${prefix}State`, source: `${from}_StateOrProvince` },
    { target: `${prefix}County`, source: `${from}_County` },
    { target: `${prefix}ZipCode`, source: `${from}_PostalCode` },
    {
      target: `${prefix}CountryRegionISOCode`,
      source: `${from}_Country`,
      transforms: [
        { transformType: 'Function', name: 'CountryRegionCode' },
        ...(defaultCountry ? [{ transformType: 'Default' as const, value: defaultCountry }] : []),
      ],
    },
  ];
}

/**
 * CDS > Destination: the CDS Account to an F&O `CustomersV3` row, with the template's default
 * values (each overridable in the configuration by a default or a value map).
 */
export const cdsAccountToCustomer: Mapping = {
  name: 'CDS Account > Fin and Ops Customers',
  fields: [
    {
      target: 'dataAreaId',
      source: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
    },
    { target: 'CustomerAccount', source: 'AccountNumber' },
    { target: 'OrganizationName', source: 'Name' },
    fixed('PartyType', 'Organization'),
    fixed('IsExternallyMaintained', 'Yes'),
    { target: 'CustomerGroupId', transforms: [{ transformType: 'Default', value: '10' }] },
    // Required by F&O; Sales may leave the account's currency blank.
    { target: 'SalesCurrencyCode', source: 'CurrencyCode', transforms: [{ transformType: 'Default', value: 'USD' }] },
    fixed('LanguageId', 'en-us'),
    fixed('SiteId', '1'),
    fixed('WarehouseId', '13'),
    { target: 'SalesMemo', source: 'Description' },
    { target: 'PrimaryContactPhone', source: 'Telephone1' },
    { target: 'PrimaryContactFax', source: 'Fax' },
    { target: 'PrimaryContactEmail', source: 'EMailAddress1' },
    { target: 'PrimaryContactURL', source: 'WebSiteURL' },
    { target: 'OrganizationNumberOfEmployees', source: 'NumberOfEmployees' },
    { target: 'CreditLimit', source: 'CreditLimit' },
    ...addressFields('Address', 'Address1', 'USA'),
    ...addressFields('DeliveryAddress', 'Address1', 'USA'),
    ...addressFields('InvoiceAddress', 'Address2'),
    // Not mapped by default: value maps are specific to each organization's data.
    { target: 'PaymentTerms', source: 'PaymentTerms', onlyWithValueMap: true },
    { target: 'DeliveryTerms', source: 'FreightTerms', onlyWithValueMap: true },
    { target: 'DeliveryMode', source: 'ShippingMethod', onlyWithValueMap: true },
  ],
};

/** Numeric CustomersV3 fields (a cleared number is not sent as ''). */
export const customerNumberFields = ['CreditLimit', 'OrganizationNumberOfEmployees'];
