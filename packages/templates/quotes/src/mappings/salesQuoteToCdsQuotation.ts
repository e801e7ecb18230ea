import type { Mapping } from '@p2c/core';

/** Sales quote columns read for the header task (besides `quoteid` and the joined lookups). */
export const salesQuoteColumns = [
  'quotenumber',
  'name',
  'requestdeliveryby',
  'statecode',
  'msdyn_hasexternallymaintainedproductsonly',
];

/** F&O requires a requested receipt date; the template's default when Sales has none. */
export const DEFAULT_REQUESTED_DELIVERY_DATE = '2020-01-01';

/** Source > CDS: a Dataverse quote row (customer and currency joined) to the CDS Quotation. */
export const salesQuoteToCdsQuotation: Mapping = {
  name: 'Sales Quotes > CDS Quotation',
  fields: [
    { target: 'QuoteNumber', source: 'quotenumber' },
    { target: 'Name', source: 'name' },
    { target: 'CustomerNumber', transforms: [{ transformType: 'Function', name: 'CustomerNumber' }] },
    { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
    { target: 'CurrencyCode', source: 'transactioncurrencyid.isocurrencycode' },
    {
      target: 'RequestedDeliveryDate',
      source: 'requestdeliveryby',
      transforms: [{ transformType: 'Default', value: DEFAULT_REQUESTED_DELIVERY_DATE }],
    },
  ],
};
