import type { EntityDefinition } from './EntityDefinition.js';
import {
  customerIsExternallyMaintained,
  dateTime,
  decimal,
  lineAmount,
  missingHeader,
  noYes,
  text,
} from './entityFields.js';

export const SALES_ORDER_PROCESSING_STATUSES = [
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
] as const;

export const CDS_SALES_ORDER_HEADERS: EntityDefinition = {
  entitySet: 'CDSSalesOrderHeaders',
  typeName: 'CDSSalesOrderHeader',
  tableType: 'CDSSalesOrderHeaderEntity',
  tableLabel: 'Sales orders (SalesTable)',
  keyFields: ['SalesOrderNumber'],
  fields: {
    SalesOrderNumber: text('Sales order', { required: true }),
    SalesOrderName: text('Name'),
    OrderingCustomerAccountNumber: text('Customer account', { required: true }),
    InvoiceCustomerAccountNumber: text('Invoice account', { required: true }),
    CurrencyCode: text('Currency', { required: true }),
    RequestedReceiptDate: dateTime('Requested receipt date'),
    SalesOrderProcessingStatus: text('Processing status', {
      values: SALES_ORDER_PROCESSING_STATUSES,
      defaultValue: 'Draft',
    }),
    AreTotalsCalculated: noYes('Totals calculated'),
    TotalAmount: decimal('Total amount'),
    QuotationNumber: text('Quotation'),
    InvoiceCountryRegionId: text('Invoice address country/region'),
    DeliveryCountryRegionId: text('Delivery address country/region'),
  },
  computed: {
    OrderingCustomerIsExternallyMaintained: customerIsExternallyMaintained(
      'OrderingCustomerAccountNumber',
      'Ordering customer is externally maintained',
    ),
    InvoiceCustomerIsExternallyMaintained: customerIsExternallyMaintained(
      'InvoiceCustomerAccountNumber',
      'Invoice customer is externally maintained',
    ),
  },
};

export const CDS_SALES_ORDER_LINES: EntityDefinition = {
  entitySet: 'CDSSalesOrderLines',
  typeName: 'CDSSalesOrderLine',
  tableType: 'CDSSalesOrderLineEntity',
  tableLabel: 'Order lines (SalesLine)',
  keyFields: ['SalesOrderNumber', 'LineNumber'],
  fields: {
    SalesOrderNumber: text('Sales order', { required: true }),
    LineNumber: decimal('Line number', { required: true }),
    ProductNumber: text('Product number', { required: true }),
    OrderedSalesQuantity: decimal('Quantity', { required: true }),
    SalesPrice: decimal('Unit price'),
    SalesUnitSymbol: text('Unit'),
    DeliveryCountryRegionId: text('Delivery address country/region'),
    // The line's sales tax: "Tax related to charges at the line level is included".
    LineTotalTaxAmount: decimal('Sales tax amount'),
  },
  computed: { LineAmount: lineAmount('OrderedSalesQuantity', 'SalesPrice') },
  validate: (row, lookup) => missingHeader(row, lookup, 'CDSSalesOrderHeaders', 'SalesOrderNumber', 'Sales order'),
};
