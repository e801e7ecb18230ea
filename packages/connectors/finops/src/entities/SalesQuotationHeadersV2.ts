import { z } from 'zod';
import { oneOf, text } from './fields.js';

/** The F&O `SalesQuotationHeadersV2` fields. */
export const salesQuotationHeadersV2Entity = z.object({
  dataAreaId: text,
  SalesQuotationNumber: text,
  SalesQuotationName: text,
  RequestingCustomerAccountNumber: text,
  InvoiceCustomerAccountNumber: text,
  CurrencyCode: text,
  RequestedReceiptDate: text,
  SalesQuotationStatus: oneOf(
    'Created',
    'Sent',
    'Confirmed',
    'Lost',
    'Cancelled',
    'Approved',
    'Modified',
    'Submitted',
    'Rejected',
  ),
  LanguageId: text,
  DeliveryAddressName: text,
  DeliveryAddressStreet: text,
  DeliveryAddressCity: text,
  DeliveryAddressStateId: text,
  DeliveryAddressZipCode: text,
  DeliveryAddressCountryRegionISOCode: text,
  PaymentTermsName: text,
  DeliveryTermsCode: text,
  DeliveryModeCode: text,
});
