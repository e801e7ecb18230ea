import type { EntityTemplate, TaskFilter } from '@p2c/core';
import { quotationLineSchema, quotationSchema } from '@p2c/cds';
import { P2C_TASKS, countryRegionCode, customerParent } from '@p2c/prospect-to-cash';
import {
  cdsQuotationLineToSalesQuotationLine,
  quotationLineNumberFields,
} from './mappings/cdsQuotationLineToSalesQuotationLine.js';
import { cdsQuotationToSalesQuotationHeader } from './mappings/cdsQuotationToSalesQuotationHeader.js';
import {
  salesQuoteDetailColumns,
  salesQuoteDetailToCdsQuotationLine,
} from './mappings/salesQuoteDetailToCdsQuotationLine.js';
import { salesQuoteColumns, salesQuoteToCdsQuotation } from './mappings/salesQuoteToCdsQuotation.js';
import { CUSTOMER_KEY_FIELDS, customerNumber } from './transforms/customerNumber.js';
import { finOpsDateTime } from './transforms/finOpsDateTime.js';
import { shipToStreet } from './transforms/shipToStreet.js';

export const QUOTE_HEADER_TASK_ID = 'QuoteHeader';
export const QUOTE_LINE_TASK_ID = 'QuoteLine';

/** Quote `statecode` 1 = Active (0 Draft, 2 Won, 3 Closed). */
const ACTIVE = 1;

const headerFilters: Record<string, TaskFilter> = {
  activeOnly: { description: 'only quotes that are Active', where: { field: 'statecode', eq: ACTIVE } },
  externallyMaintainedProductsOnly: {
    description: 'only quotes whose products are all externally maintained',
    where: { field: 'msdyn_hasexternallymaintainedproductsonly', eq: true },
  },
};

/** Sales Quotes (Sales to Fin and Ops): Sales quotes and their lines become F&O sales quotations. */
export const quotesTemplate: EntityTemplate = {
  id: 'quotes',
  name: 'Sales Quotes (Sales to Fin and Ops)',
  description:
    'Active quotes in Sales whose products are all externally maintained become sales quotations (headers and lines) in Finance and Operations.',
  // As the document lists them: "Products", "Accounts ... (if used)", "Contacts to Customers ...
  // (if used)"; and customers from at least one of the two.
  preconditions: [
    'products',
    { template: 'accounts', ifUsed: true },
    { template: 'contact-to-customer', ifUsed: true },
    { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
  ],
  tasks: [
    {
      id: QUOTE_HEADER_TASK_ID,
      source: {
        connector: 'dataverse',
        ref: {
          entity: 'quotes',
          key: ['quotenumber'],
          fields: salesQuoteColumns,
          options: {
            idField: 'quoteid',
            changeTracking: false,
            lookups: {
              customer_account: {
                column: '_customerid_value',
                entity: 'accounts',
                idField: 'accountid',
                select: ['accountnumber'],
              },
              customer_contact: {
                column: '_customerid_value',
                entity: 'contacts',
                idField: 'contactid',
                select: ['msdyn_contactnumber'],
              },
              transactioncurrencyid: {
                entity: 'transactioncurrencies',
                idField: 'transactioncurrencyid',
                select: ['isocurrencycode'],
              },
            },
          },
        },
      },
      destination: {
        connector: 'finops',
        ref: {
          entity: 'SalesQuotationHeadersV2',
          key: ['dataAreaId', 'SalesQuotationNumber'],
          fields: cdsQuotationToSalesQuotationHeader.fields.map((f) => f.target),
        },
      },
      canonical: { name: 'CDS Quotation', schema: quotationSchema },
      sourceToCanonical: salesQuoteToCdsQuotation,
      canonicalToDestination: cdsQuotationToSalesQuotationHeader,
      transforms: {
        CustomerNumber: customerNumber,
        FinOpsDateTime: finOpsDateTime,
        ShipToStreet: shipToStreet,
        CountryRegionCode: countryRegionCode,
      },
      naturalKey: { sourceField: 'quotenumber', label: 'quote number', rejectDuplicates: false },
      filters: headerFilters,
      parents: [customerParent(CUSTOMER_KEY_FIELDS)],
    },
    {
      id: QUOTE_LINE_TASK_ID,
      source: {
        connector: 'dataverse',
        ref: {
          entity: 'quotedetails',
          key: [],
          fields: salesQuoteDetailColumns,
          options: {
            idField: 'quotedetailid',
            changeTracking: false,
            lookups: {
              quoteid: {
                entity: 'quotes',
                idField: 'quoteid',
                select: ['quotenumber'],
              },
              productid: {
                entity: 'products',
                idField: 'productid',
                select: ['productnumber', 'msdyn_isexternallymaintained'],
              },
              uomid: { entity: 'uoms', idField: 'uomid', select: ['name'] },
            },
          },
        },
      },
      destination: {
        connector: 'finops',
        ref: {
          entity: 'SalesQuotationLines',
          key: ['dataAreaId', 'SalesQuotationNumber', 'LineNumber'],
          fields: cdsQuotationLineToSalesQuotationLine.fields.map((f) => f.target),
          options: { numberFields: quotationLineNumberFields },
        },
      },
      canonical: { name: 'CDS Quotation Line', schema: quotationLineSchema },
      sourceToCanonical: salesQuoteDetailToCdsQuotationLine,
      canonicalToDestination: cdsQuotationLineToSalesQuotationLine,
      transforms: { FinOpsDateTime: finOpsDateTime },
      naturalKey: {
        sourceField: 'lineitemnumber',
        label: 'quote line (quote number|line number)',
        rejectDuplicates: false,
        compose: quoteLineKey,
      },
      // No filters of its own: a line whose quote is left out is left out with it (rule
      // `parent:quote`) and read again each run, so it follows its quote once that is Active.
      parents: [
        { name: 'quote', sourceField: 'quoteid.quotenumber', tasks: [P2C_TASKS.quotes.header] },
        { name: 'product', sourceField: 'productid.productnumber', tasks: [P2C_TASKS.products.products] },
      ],
    },
  ],
};

/** A line's natural key, `QUO-01000-BVRCPS|1`; null when its quote has no number or it has no line number. */
export function quoteLineKey(record: Readonly<Record<string, unknown>>): string | null {
  const quote = record['quoteid'];
  const number =
    quote !== null && typeof quote === 'object' ? (quote as Record<string, unknown>)['quotenumber'] : undefined;
  const line = record['lineitemnumber'];
  if (typeof number !== 'string' || number.trim() === '') return null;
  if (typeof line !== 'number' && (typeof line !== 'string' || line.trim() === '')) return null;
  return `${number.trim()}|${String(line).trim()}`;
}
