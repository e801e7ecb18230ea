import type { Mapping } from '@p2c/core';

/** CDS > Destination: the CDS Quotation to an F&O `SalesQuotationHeadersV2` row. */
export const cdsQuotationToSalesQuotationHeader: Mapping = {
  name: 'CDS Quotation > Fin and Ops Sales quotation headers',
  fields: [
    {
      target: 'dataAreaId',
      source: 'Organization_OrganizationId',
      transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
    },
    { target: 'SalesQuotationNumber', source: 'QuoteNumber' },
    { target: 'SalesQuotationName', source: 'Name' },
    { target: 'RequestingCustomerAccountNumber', source: 'CustomerNumber' },
    { target: 'InvoiceCustomerAccountNumber', source: 'CustomerNumber' },
    // Required by F&O; Sales may leave the quote's currency blank.
    { target: 'CurrencyCode', source: 'CurrencyCode', transforms: [{ transformType: 'Default', value: 'USD' }] },
    {
      target: 'RequestedReceiptDate',
      source: 'RequestedDeliveryDate',
      transforms: [{ transformType: 'Function', name: 'FinOpsDateTime' }],
    },
    { target: 'LanguageId', transforms: [{ transformType: 'Default', value: 'en-us' }] },
    { target: 'DeliveryAddressName', source: 'DeliveryAddressName' },
    { target: 'DeliveryAddressStreet', source: 'DeliveryAddressStreet' },
    { target: 'DeliveryAddressCity', source: 'DeliveryAddressCity' },
    { target: 'DeliveryAddressStateId', source: 'DeliveryAddressStateOrProvince' },
    { target: 'DeliveryAddressZipCode', source: 'DeliveryAddressPostalCode' },
    // Required by F&O, and no default here ("There is no default template value"): configure a
    // default (`USA`) or a value map whose blank left side is the default (`'': US`).
    {
      target: 'DeliveryAddressCountryRegionISOCode',
      source: 'DeliveryAddressCountryRegion',
      transforms: [{ transformType: 'Function', name: 'CountryRegionCode' }],
    },
    // "…aren't part of the default mappings. To map these fields, you must set up a value mapping
    // that is specific to the data in the organizations": sent only with a configured value map.
    { target: 'PaymentTermsName', source: 'PaymentTerms', onlyWithValueMap: true },
    { target: 'DeliveryTermsCode', source: 'FreightTerms', onlyWithValueMap: true },
    { target: 'DeliveryModeCode', source: 'ShippingMethod', onlyWithValueMap: true },
  ],
};
