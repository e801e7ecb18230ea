import type { Mapping } from '@p2c/core';

/** Sales quote detail columns read for the line task (besides `quotedetailid` and the joined lookups). */
export const salesQuoteDetailColumns = ['lineitemnumber', 'quantity', 'priceperunit'];

/** Source > CDS: a Dataverse quote detail row (quote, product and unit joined) to the CDS Quotation Line. */
export const salesQuoteDetailToCdsQuotationLine: Mapping = {
  name: 'Sales QuoteDetails > CDS Quotation Line',
  fields: [
    { target: 'QuoteNumber', source: 'quoteid.quotenumber' },
    { target: 'LineNumber', source: 'lineitemnumber' },
    { target: 'ProductNumber', source: 'productid.productnumber' },
    { target: 'Quantity', source: 'quantity' },
    { target: 'PricePerUnit', source: 'priceperunit' },
    { target: 'UnitName', source: 'uomid.name' },
    { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
  ],
};
