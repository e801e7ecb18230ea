import type { Mapping } from '@p2c/core';

/** Sales contact columns read for the task (besides `contactid` and the lookups). */
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
];

/** Source > CDS: a Dataverse contact row (with its company and currency joined) to the CDS Contact. */
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
    // The company, when it is an account (the contact lookup side is not read by this task).
    { target: 'ParentCustomer_AccountNumber', source: 'parentcustomerid_account.accountnumber' },
    { target: 'CurrencyCode', source: 'transactioncurrencyid.isocurrencycode' },
  ],
};
