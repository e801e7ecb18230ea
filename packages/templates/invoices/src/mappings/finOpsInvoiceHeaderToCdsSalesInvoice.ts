import type { Mapping } from '@p2c/core';

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
  ],
};
