import type { FieldMapping, Mapping } from '@p2c/core';

const fixed = (target: string, value: string): FieldMapping => ({
  target,
  transforms: [{ transformType: 'Default', value }],
});

/** An F&O address (`Address`, `DeliveryAddress`) from the contact's address 1. */
function addressFields(prefix: 'Address' | 'DeliveryAddress'): FieldMapping[] {
  return [
    { target: `${prefix}Street`, transforms: [{ transformType: 'Function', name: 'Address1Street' }] },
    { target: `${prefix}City`, source: 'Address1_City' },
    { target: `${prefix}State`, source: 'Address1_StateOrProvince' },
    { target: `${prefix}County`, source: 'Address1_County' },
    { target: `${prefix}ZipCode`, source: 'Address1_PostalCode' },
    {
      target: `${prefix}CountryRegionISOCode`,
      source: 'Address1_Country',
      transforms: [
        { transformType: 'Function', name: 'CountryRegionCode' },
        { transformType: 'Default', value: 'USA' },
      ],
    },
  ];
}

/**
 * CDS > Destination: the CDS Contact to an F&O `CustomersV3` row of party type Person, with the
 * template's default values (each overridable in the configuration by a default or a value map).
 */
export const cdsContactToCustomer: Mapping = {
  name: 'CDS Contact > Fin and Ops Customers',
  fields: [
    {
      target: 'dataAreaId',
      source: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
    },
    { target: 'CustomerAccount', source: 'ContactNumber' },
    fixed('PartyType', 'Person'),
    { target: 'PersonFirstName', source: 'FirstName' },
    { target: 'PersonLastName', source: 'LastName' },
    { target: 'OrganizationName', source: 'FullName' },
    fixed('IsExternallyMaintained', 'Yes'),
    { target: 'CustomerGroupId', transforms: [{ transformType: 'Default', value: '10' }] },
    // Required by F&O; Sales may leave the contact's currency blank.
    { target: 'SalesCurrencyCode', source: 'CurrencyCode', transforms: [{ transformType: 'Default', value: 'USD' }] },
    fixed('LanguageId', 'en-us'),
    { target: 'PrimaryContactEmail', source: 'EMailAddress1' },
    { target: 'PrimaryContactPhone', source: 'Telephone1' },
    ...addressFields('Address'),
    ...addressFields('DeliveryAddress'),
  ],
};
