import type { Mapping } from '@p2c/core';

/** The contact's address 1 (Sales `address1_*`) and the CDS Contact fields it becomes. */
const ADDRESS1_COLUMNS: ReadonlyArray<readonly [column: string, target: string]> = [
  ['address1_line1', 'Address1_Line1'],
  ['address1_line2', 'Address1_Line2'],
  ['address1_line3', 'Address1_Line3'],
  ['address1_city', 'Address1_City'],
  ['address1_county', 'Address1_County'],
  ['address1_stateorprovince', 'Address1_StateOrProvince'],
  ['address1_postalcode', 'Address1_PostalCode'],
  ['address1_country', 'Address1_Country'],
];

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
  'accountrolecode',
  ...ADDRESS1_COLUMNS.map(([column]) => column),
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
    // The role as Sales shows it (Decision Maker, Employee, Influencer): value maps are written against labels.
    { target: 'PrimaryAccountRole', source: 'accountrolecode@OData.Community.Display.V1.FormattedValue' },
    ...ADDRESS1_COLUMNS.map(([source, target]) => ({ target, source })),
  ],
};
