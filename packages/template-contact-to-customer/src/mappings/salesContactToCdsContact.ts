import type { Mapping } from '@p2c/core';

/** Sales contact columns read for the task (besides `contactid` and the currency lookup). */
export const salesContactColumns = [
  'msdyn_contactnumber',
  'firstname',
  'lastname',
  'fullname',
  'jobtitle',
  'emailaddress1',
  'telephone1',
  'mobilephone',
  'msdyn_isactivecustomer',
  'address1_line1',
  'address1_city',
  'address1_stateorprovince',
  'address1_postalcode',
  'address1_country',
];

/** Source > CDS: a Dataverse contact row (with its currency joined) to the CDS Contact. */
export const salesContactToCdsContact: Mapping = {
  name: 'Sales Contacts > CDS Contact',
  fields: [
    { target: 'ContactNumber', source: 'msdyn_contactnumber' },
    { target: 'FirstName', source: 'firstname' },
    { target: 'LastName', source: 'lastname' },
    { target: 'FullName', source: 'fullname' },
    {
      target: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Default', value: 'ORG001' }],
    },
    { target: 'JobTitle', source: 'jobtitle' },
    { target: 'EMailAddress1', source: 'emailaddress1' },
    { target: 'Telephone1', source: 'telephone1' },
    { target: 'MobilePhone', source: 'mobilephone' },
    { target: 'IsActiveCustomer', source: 'msdyn_isactivecustomer' },
    { target: 'CurrencyCode', source: 'transactioncurrencyid.isocurrencycode' },
    { target: 'Address1_Line1', source: 'address1_line1' },
    { target: 'Address1_City', source: 'address1_city' },
    { target: 'Address1_StateOrProvince', source: 'address1_stateorprovince' },
    { target: 'Address1_PostalCode', source: 'address1_postalcode' },
    { target: 'Address1_Country', source: 'address1_country' },
  ],
};
