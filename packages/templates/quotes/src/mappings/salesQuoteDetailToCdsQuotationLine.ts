import type { Mapping } from '@p2c/core';
import { DEFAULT_REQUESTED_DELIVERY_DATE } from './salesQuoteToCdsQuotation.js';

/**
 * Sales quote detail columns read for the line task (besides `quotedetailid` and the joined
 * lookups). Not `priceperunit`: F&O masters the price.
 */
export const salesQuoteDetailColumns = ['lineitemnumber', 'quantity', 'manualdiscountamount', 'requestdeliveryby'];

/** Source > CDS: a Dataverse quote detail row (quote, product and unit joined) to the CDS Quotation Line. */
export const salesQuoteDetailToCdsQuotationLine: Mapping = {
  name: 'Sales QuoteDetails > CDS Quotation Line',
  fields: [
    { target: 'QuoteNumber', source: 'quoteid.quotenumber' },
    { target: 'LineNumber', source: 'lineitemnumber' },
    { target: 'ProductNumber', source: 'productid.productnumber' },
    { target: 'Quantity', source: 'quantity' },
    { target: 'ManualDiscountAmount', source: 'manualdiscountamount' },
    {
      target: 'RequestedDeliveryDate',
      source: 'requestdeliveryby',
      transforms: [{ transformType: 'Default', value: DEFAULT_REQUESTED_DELIVERY_DATE }],
    },
    { target: 'UnitName', source: 'uomid.name' },
    { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
  ],
};
