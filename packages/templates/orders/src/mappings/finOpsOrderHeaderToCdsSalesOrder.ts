import type { Mapping } from '@p2c/core';
import { DEFAULT_COUNTRY_NAME_MAP } from '@p2c/prospect-to-cash';

/** `CDSSalesOrderHeaders` fields read for the task (the filters' fields included). */
export const finOpsOrderHeaderFields = [
  'dataAreaId',
  'SalesOrderNumber',
  'SalesOrderName',
  'OrderingCustomerAccountNumber',
  'InvoiceCustomerAccountNumber',
  'CurrencyCode',
  'RequestedReceiptDate',
  'SalesOrderProcessingStatus',
  'AreTotalsCalculated',
  'TotalAmount',
  'QuotationNumber',
  'OrderingCustomerIsExternallyMaintained',
  'InvoiceCustomerIsExternallyMaintained',
  'InvoiceCountryRegionId',
  'DeliveryCountryRegionId',
];

/** Source > CDS: an F&O `CDSSalesOrderHeaders` row to the CDS SalesOrder. */
export const finOpsOrderHeaderToCdsSalesOrder: Mapping = {
  name: 'Fin and Ops CDS sales order headers > CDS SalesOrder',
  fields: [
    { target: 'SalesOrderNumber', source: 'SalesOrderNumber' },
    { target: 'Name', source: 'SalesOrderName' },
    { target: 'CustomerAccountNumber', source: 'OrderingCustomerAccountNumber' },
    { target: 'InvoiceCustomerAccountNumber', source: 'InvoiceCustomerAccountNumber' },
    { target: 'CurrencyCode', source: 'CurrencyCode' },
    {
      target: 'RequestedDeliveryDate',
      source: 'RequestedReceiptDate',
      transforms: [{ transformType: 'Function', name: 'DateOnly' }],
    },
    { target: 'ProcessingStatus', source: 'SalesOrderProcessingStatus' },
    { target: 'TotalAmount', source: 'TotalAmount' },
    { target: 'QuotationNumber', source: 'QuotationNumber' },
    // "Ensure that the needed mapping exists in Source > CDS for InvoiceCountryRegionId to
    // BillingAddress_Country ... Template value is ValueMap with a number of countries mapped."
    {
      target: 'BillingAddressCountry',
      source: 'InvoiceCountryRegionId',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_COUNTRY_NAME_MAP } }],
    },
    {
      target: 'DeliveryAddressCountry',
      source: 'DeliveryCountryRegionId',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_COUNTRY_NAME_MAP } }],
    },
  ],
};
