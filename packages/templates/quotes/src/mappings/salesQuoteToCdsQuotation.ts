import type { Mapping } from '@p2c/core';
import { SHIP_TO_COLUMNS } from '../transforms/shipToStreet.js';

/** Sales quote columns read for the header task (besides `quoteid` and the joined lookups). */
export const salesQuoteColumns = [
  'quotenumber',
  'name',
  'requestdeliveryby',
  'statecode',
  'msdyn_hasexternallymaintainedproductsonly',
  'paymenttermscode',
  'freighttermscode',
  'shippingmethodcode',
  ...SHIP_TO_COLUMNS,
];

const label = (column: string) => `${column}@OData.Community.Display.V1.FormattedValue`;

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
    { target: 'DeliveryAddressName', source: 'shipto_name' },
    { target: 'DeliveryAddressStreet', transforms: [{ transformType: 'Function', name: 'ShipToStreet' }] },
    { target: 'DeliveryAddressCity', source: 'shipto_city' },
    { target: 'DeliveryAddressStateOrProvince', source: 'shipto_stateorprovince' },
    { target: 'DeliveryAddressPostalCode', source: 'shipto_postalcode' },
    // Free text, as Sales keeps it: the CDS > Destination leg makes F&O's ISO code of it.
    { target: 'DeliveryAddressCountryRegion', source: 'shipto_country' },
    // Option sets travel as their labels: what users write value maps against.
    { target: 'PaymentTerms', source: label('paymenttermscode') },
    { target: 'FreightTerms', source: label('freighttermscode') },
    { target: 'ShippingMethod', source: label('shippingmethodcode') },
  ],
};
