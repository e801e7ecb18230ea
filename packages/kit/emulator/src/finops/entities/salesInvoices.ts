import type { EntityDefinition } from './EntityDefinition.js';
import { customerIsExternallyMaintained, dateTime, decimal, lineAmount, missingHeader, text } from './entityFields.js';

export const SALES_INVOICE_HEADERS: EntityDefinition = {
  entitySet: 'SalesInvoiceHeadersV2',
  typeName: 'SalesInvoiceHeaderV2',
  tableType: 'SalesInvoiceHeaderV2Entity',
  tableLabel: 'Customer invoice journal (CustInvoiceJour)',
  keyFields: ['InvoiceNumber'],
  fields: {
    InvoiceNumber: text('Invoice', { required: true }),
    InvoiceDate: dateTime('Invoice date', { required: true }),
    SalesOrderNumber: text('Sales order'),
    InvoiceCustomerAccountNumber: text('Invoice account', { required: true }),
    CurrencyCode: text('Currency', { required: true }),
    TotalInvoiceAmount: decimal('Invoice amount'),
    InvoiceAddressCountryRegionId: text('Invoice address country/region'),
  },
  computed: {
    InvoiceCustomerIsExternallyMaintained: customerIsExternallyMaintained(
      'InvoiceCustomerAccountNumber',
      'Invoice customer is externally maintained',
    ),
  },
};

export const SALES_INVOICE_LINES: EntityDefinition = {
  entitySet: 'SalesInvoiceLinesV2',
  typeName: 'SalesInvoiceLineV2',
  tableType: 'SalesInvoiceLineV2Entity',
  tableLabel: 'Customer invoice lines (CustInvoiceTrans)',
  keyFields: ['InvoiceNumber', 'LineNumber'],
  fields: {
    InvoiceNumber: text('Invoice', { required: true }),
    LineNumber: decimal('Line number', { required: true }),
    ProductNumber: text('Product number', { required: true }),
    InvoicedQuantity: decimal('Quantity', { required: true }),
    SalesPrice: decimal('Unit price'),
    SalesUnitSymbol: text('Unit'),
    LineTotalTaxAmount: decimal('Sales tax amount'),
  },
  computed: { LineAmount: lineAmount('InvoicedQuantity', 'SalesPrice') },
  validate: (row, lookup) => missingHeader(row, lookup, 'SalesInvoiceHeadersV2', 'InvoiceNumber', 'Invoice'),
};
