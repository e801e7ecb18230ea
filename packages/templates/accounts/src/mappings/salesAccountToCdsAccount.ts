import type { Mapping } from '@p2c/core';

/** Sales account columns read for the task (besides `accountid`). */
export const salesAccountColumns = [
  'accountnumber',
  'name',
  'description',
  'telephone1',
  'fax',
  'emailaddress1',
  'websiteurl',
  'numberofemployees',
  'creditlimit',
  'creditonhold',
  'paymenttermscode',
  'address1_freighttermscode',
  'address1_shippingmethodcode',
  ...['address1', 'address2'].flatMap((a) =>
    ['line1', 'line2', 'line3', 'city', 'stateorprovince', 'county', 'postalcode', 'country'].map((f) => `${a}_${f}`),
  ),
];

const label = (column: string) => `${column}@OData.Community.Display.V1.FormattedValue`;

const address = (n: 1 | 2) =>
  (
    [
      ['Line1', 'line1'],
      ['Line2', 'line2'],
      ['Line3', 'line3'],
      ['City', 'city'],
      ['StateOrProvince', 'stateorprovince'],
      ['County', 'county'],
      ['PostalCode', 'postalcode'],
      ['Country', 'country'],
    ] as const
  ).map(([cds, sales]) => ({ target: `Address${n}_${cds}`, source: `address${n}_${sales}` }));

/** Source > CDS: a Dataverse account row to the CDS Account. */
export const salesAccountToCdsAccount: Mapping = {
  name: 'Sales Accounts > CDS Account',
  fields: [
    { target: 'AccountNumber', source: 'accountnumber' },
    { target: 'Name', source: 'name' },
    {
      target: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Default', value: 'ORG001' }],
    },
    { target: 'Description', source: 'description' },
    { target: 'Telephone1', source: 'telephone1' },
    { target: 'Fax', source: 'fax' },
    { target: 'EMailAddress1', source: 'emailaddress1' },
    { target: 'WebSiteURL', source: 'websiteurl' },
    { target: 'NumberOfEmployees', source: 'numberofemployees' },
    { target: 'CreditLimit', source: 'creditlimit' },
    { target: 'CreditOnHold', source: 'creditonhold' },
    { target: 'CurrencyCode', source: 'transactioncurrencyid.isocurrencycode' },
    // Option sets travel as the labels users see, which value maps are written against.
    { target: 'PaymentTerms', source: label('paymenttermscode') },
    { target: 'FreightTerms', source: label('address1_freighttermscode') },
    { target: 'ShippingMethod', source: label('address1_shippingmethodcode') },
    ...address(1),
    ...address(2),
  ],
};
