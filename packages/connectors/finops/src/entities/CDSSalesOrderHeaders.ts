import { z } from 'zod';
import { noYes, number, oneOf, text } from './fields.js';

/** The F&O `CDSSalesOrderHeaders` fields. */
export const cDSSalesOrderHeadersEntity = z.object({
  dataAreaId: text,
  SalesOrderNumber: text,
  SalesOrderName: text,
  OrderingCustomerAccountNumber: text,
  InvoiceCustomerAccountNumber: text,
  CurrencyCode: text,
  RequestedReceiptDate: text,
  SalesOrderProcessingStatus: oneOf(
    'Draft',
    'Active',
    'Confirmed',
    'PackingSlip',
    'Invoiced',
    'Picked',
    'PartiallyPicked',
    'PartiallyPacked',
    'Shipped',
    'PartiallyShipped',
    'PartiallyInvoiced',
    'Cancelled',
  ),
  AreTotalsCalculated: noYes,
  TotalAmount: number,
  QuotationNumber: text,
  InvoiceCountryRegionId: text,
  DeliveryCountryRegionId: text,
  OrderingCustomerIsExternallyMaintained: noYes,
  InvoiceCustomerIsExternallyMaintained: noYes,
});
