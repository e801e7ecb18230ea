import { z } from 'zod';
import { noYes, number, text } from './fields.js';

/** The F&O `SalesInvoiceHeadersV2` fields. */
export const salesInvoiceHeadersV2Entity = z.object({
  dataAreaId: text,
  InvoiceNumber: text,
  InvoiceDate: text,
  SalesOrderNumber: text,
  InvoiceCustomerAccountNumber: text,
  CurrencyCode: text,
  TotalInvoiceAmount: number,
  InvoiceAddressCountryRegionId: text,
  InvoiceCustomerIsExternallyMaintained: noYes,
});
