import type { EntityDefinition } from './EntityDefinition.js';
import {
  dateTime,
  decimal,
  lineAmount,
  missingCustomers,
  missingHeader,
  missingProduct,
  text,
} from './entityFields.js';

export const SALES_QUOTATION_HEADERS: EntityDefinition = {
  entitySet: 'SalesQuotationHeadersV2',
  typeName: 'SalesQuotationHeaderV2',
  tableType: 'SalesQuotationHeaderV2Entity',
  tableLabel: 'Sales quotations (SalesQuotationTable)',
  keyFields: ['SalesQuotationNumber'],
  fields: {
    SalesQuotationNumber: text('Quotation', { required: true }),
    SalesQuotationName: text('Name'),
    RequestingCustomerAccountNumber: text('Customer account', { required: true }),
    InvoiceCustomerAccountNumber: text('Invoice account'),
    CurrencyCode: text('Currency', { required: true }),
    RequestedReceiptDate: dateTime('Requested receipt date', { required: true }),
    SalesQuotationStatus: text('Quotation status', {
      values: ['Created', 'Sent', 'Confirmed', 'Lost', 'Cancelled', 'Approved', 'Modified', 'Submitted', 'Rejected'],
      defaultValue: 'Created',
    }),
    LanguageId: text('Language'),
  },
  validate: (row, lookup) =>
    missingCustomers(row, lookup, ['RequestingCustomerAccountNumber', 'InvoiceCustomerAccountNumber']),
};

export const SALES_QUOTATION_LINES: EntityDefinition = {
  entitySet: 'SalesQuotationLines',
  typeName: 'SalesQuotationLine',
  tableType: 'SalesQuotationLineEntity',
  tableLabel: 'Quotation lines (SalesQuotationLine)',
  keyFields: ['SalesQuotationNumber', 'LineNumber'],
  fields: {
    SalesQuotationNumber: text('Quotation', { required: true }),
    LineNumber: decimal('Line number', { required: true }),
    ProductNumber: text('Product number', { required: true }),
    RequestedSalesQuantity: decimal('Quantity', { required: true }),
    SalesPrice: decimal('Unit price'),
    SalesUnitSymbol: text('Unit'),
  },
  computed: { LineAmount: lineAmount('RequestedSalesQuantity', 'SalesPrice') },
  validate: (row, lookup) => [
    ...missingHeader(row, lookup, 'SalesQuotationHeadersV2', 'SalesQuotationNumber', 'Sales quotation'),
    ...missingProduct(row, lookup),
  ],
};
