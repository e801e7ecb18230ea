import type { ComputedFieldDefinition, EntityDefinition, EntityLookup, FinOpsEntityRow } from './EntityDefinition.js';
import { dateTime, decimal, missingCustomers, missingHeader, missingProduct, text } from './entityFields.js';

const DELIVERY_COUNTRY = 'DeliveryAddressCountryRegionISOCode';

/** F&O knows the country by its ISO code (`USA`, as the CustomersV3 addresses hold it). */
function unknownDeliveryCountry(row: FinOpsEntityRow, sent: ReadonlySet<string>): string[] {
  const value = String(row[DELIVERY_COUNTRY] ?? '');
  if (!sent.has(DELIVERY_COUNTRY) || value === '' || /^[A-Z]{3}$/.test(value)) return [];
  return [
    `The value '${value}' in field 'Delivery country/region' is not found in the relating table 'Country/region'.`,
  ];
}

/** Terms and modes a quotation names must exist in its company, as their own tables say. */
const TERMS_FIELDS = {
  PaymentTermsName: { label: 'Terms of payment', list: 'paymentTerms', table: 'Terms of payment' },
  DeliveryTermsCode: { label: 'Delivery terms', list: 'deliveryTerms', table: 'Terms of delivery' },
  DeliveryModeCode: { label: 'Mode of delivery', list: 'deliveryModes', table: 'Modes of delivery' },
} as const;

function unknownTerms(row: FinOpsEntityRow, lookup: EntityLookup, sent: ReadonlySet<string>): string[] {
  return Object.entries(TERMS_FIELDS).flatMap(([field, { label, list, table }]) => {
    const value = String(row[field] ?? '');
    if (!sent.has(field) || value === '' || lookup.hasReference(list, String(row['dataAreaId']), value)) return [];
    return [`The value '${value}' in field '${label}' is not found in the relating table '${table}'.`];
  });
}

/**
 * F&O masters a line's price: a line created without one gets the price F&O finds for the
 * product, the released product's sales price (trade agreements are not modelled). A price
 * set later in F&O stays until someone in F&O changes it.
 */
function findSalesPrice(
  row: FinOpsEntityRow,
  changes: Partial<FinOpsEntityRow>,
  context: { readonly creating: boolean; readonly lookup: EntityLookup },
): void {
  if (!context.creating || Object.hasOwn(changes, 'SalesPrice')) return;
  const product = context.lookup.row('ReleasedDistinctProductsV2', String(row['dataAreaId']), [
    String(row['ProductNumber'] ?? ''),
  ]);
  row['SalesPrice'] = Number(product?.['SalesPrice'] ?? 0);
}

/** Net amount: quantity × (unit price − the per-unit line discount), rounded to cents. */
const quotationLineAmount: ComputedFieldDefinition = {
  kind: 'decimal',
  label: 'Net amount',
  compute: (row) => {
    const quantity = Number(row['RequestedSalesQuantity'] ?? 0);
    const price = Number(row['SalesPrice'] ?? 0) - Number(row['LineDiscountAmount'] ?? 0);
    return Math.round(quantity * price * 100) / 100;
  },
};

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
    DeliveryAddressName: text('Delivery name'),
    DeliveryAddressStreet: text('Delivery street'),
    DeliveryAddressCity: text('Delivery city'),
    DeliveryAddressStateId: text('Delivery state'),
    DeliveryAddressZipCode: text('Delivery ZIP/postal code'),
    // "The Address Country region code field is required in Finance and Operations."
    [DELIVERY_COUNTRY]: text('Delivery country/region', { required: true }),
    PaymentTermsName: text(TERMS_FIELDS.PaymentTermsName.label),
    DeliveryTermsCode: text(TERMS_FIELDS.DeliveryTermsCode.label),
    DeliveryModeCode: text(TERMS_FIELDS.DeliveryModeCode.label),
  },
  validate: (row, lookup, sent) => [
    ...missingCustomers(row, lookup, ['RequestingCustomerAccountNumber', 'InvoiceCustomerAccountNumber']),
    ...unknownDeliveryCountry(row, sent),
    ...unknownTerms(row, lookup, sent),
  ],
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
    LineDiscountAmount: decimal('Discount'),
    SalesUnitSymbol: text('Unit'),
    RequestedReceiptDate: dateTime('Requested receipt date', { required: true }),
  },
  computed: { LineAmount: quotationLineAmount },
  prepare: findSalesPrice,
  validate: (row, lookup) => [
    ...missingHeader(row, lookup, 'SalesQuotationHeadersV2', 'SalesQuotationNumber', 'Sales quotation'),
    ...missingProduct(row, lookup),
  ],
};
