import type { Mapping } from '@p2c/core';
import { DEFAULT_COUNTRY_NAME_MAP } from '@p2c/prospect-to-cash';

/** `SalesInvoiceHeadersV2` fields read for the tasks (the filters' fields included). */
export const finOpsInvoiceHeaderFields = [
  'dataAreaId',
  'InvoiceNumber',
  'InvoiceDate',
  'SalesOrderNumber',
  'InvoiceCustomerAccountNumber',
  'CurrencyCode',
  'TotalInvoiceAmount',
  'InvoiceCustomerIsExternallyMaintained',
  'InvoiceAddressCountryRegionId',
];

/** Source > CDS: an F&O `SalesInvoiceHeadersV2` row to the CDS SalesInvoice. */
export const finOpsInvoiceHeaderToCdsSalesInvoice: Mapping = {
  name: 'Fin and Ops sales invoice headers > CDS SalesInvoice',
  fields: [
    { target: 'InvoiceNumber', source: 'InvoiceNumber' },
    { target: 'InvoiceDate', source: 'InvoiceDate', transforms: [{ transformType: 'Function', name: 'DateOnly' }] },
    { target: 'SalesOrderNumber', source: 'SalesOrderNumber' },
    { target: 'CustomerAccountNumber', source: 'InvoiceCustomerAccountNumber' },
    { target: 'CurrencyCode', source: 'CurrencyCode' },
    { target: 'TotalAmount', source: 'TotalInvoiceAmount' },
    // "Ensure that the needed mapping exists in Source > CDS for InvoiceCountryRegionId to
    // BillingAddress_Country ... Template value is ValueMap with a number of countries mapped."
    // (the document's InvoiceCountryRegionId is the entity's InvoiceAddressCountryRegionId)
    {
      target: 'BillingAddressCountry',
      source: 'InvoiceAddressCountryRegionId',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_COUNTRY_NAME_MAP } }],
    },
  ],
};
