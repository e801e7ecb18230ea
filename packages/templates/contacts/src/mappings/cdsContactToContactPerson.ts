import type { Mapping } from '@p2c/core';

/**
 * CDS > Destination: the CDS Contact to an F&O `ContactPersonsV2` row, a contact person of the
 * customer its company became (the accounts template synced it).
 */
export const cdsContactToContactPerson: Mapping = {
  name: 'CDS Contact > Fin and Ops Contact persons',
  fields: [
    {
      target: 'dataAreaId',
      source: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
    },
    { target: 'ContactPersonId', source: 'ContactNumber' },
    { target: 'FirstName', source: 'FirstName' },
    { target: 'LastName', source: 'LastName' },
    { target: 'CustomerAccount', source: 'ParentCustomer_AccountNumber' },
    { target: 'JobTitle', source: 'JobTitle' },
    { target: 'PrimaryEmailAddress', source: 'EMailAddress1' },
    { target: 'PrimaryPhoneNumber', source: 'Telephone1' },
    // The primary address: F&O requires its country, so a blank one takes the template's USA.
    { target: 'PrimaryAddressStreet', transforms: [{ transformType: 'Function', name: 'Address1Street' }] },
    { target: 'PrimaryAddressCity', source: 'Address1_City' },
    { target: 'PrimaryAddressStateId', source: 'Address1_StateOrProvince' },
    { target: 'PrimaryAddressCountyId', source: 'Address1_County' },
    { target: 'PrimaryAddressZipCode', source: 'Address1_PostalCode' },
    {
      target: 'PrimaryAddressCountryRegionISOCode',
      source: 'Address1_Country',
      transforms: [
        { transformType: 'Function', name: 'CountryRegionCode' },
        { transformType: 'Default', value: 'USA' },
      ],
    },
    // "PrimaryAccountRole = DecisionMakingRole": F&O's Decision, here DecisionMakingRoleCode.
    { target: 'DecisionMakingRoleCode', source: 'PrimaryAccountRole' },
    { target: 'IsContactPersonExternallyMaintained', transforms: [{ transformType: 'Default', value: 'Yes' }] },
  ],
};
