import type { Mapping } from '@p2c/core';
import { DEFAULT_UNIT_MAP } from '@p2c/prospect-to-cash';

/** `SalesInvoiceLinesV2` fields read for the task. */
export const finOpsInvoiceLineFields = [
  'dataAreaId',
  'InvoiceNumber',
  'LineNumber',
  'ProductNumber',
  'InvoicedQuantity',
  'SalesPrice',
  'SalesUnitSymbol',
  'LineAmount',
  'LineTotalTaxAmount',
];

/** Source > CDS: an F&O `SalesInvoiceLinesV2` row to the CDS SalesInvoiceLine; the unit symbol becomes a Sales unit name. */
export const finOpsInvoiceLineToCdsSalesInvoiceLine: Mapping = {
  name: 'Fin and Ops sales invoice lines > CDS SalesInvoiceLine',
  fields: [
    { target: 'InvoiceNumber', source: 'InvoiceNumber' },
    { target: 'LineNumber', source: 'LineNumber' },
    { target: 'ProductNumber', source: 'ProductNumber' },
    { target: 'Quantity', source: 'InvoicedQuantity' },
    { target: 'UnitPrice', source: 'SalesPrice' },
    {
      target: 'Unit',
      source: 'SalesUnitSymbol',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_UNIT_MAP } }],
    },
    { target: 'LineAmount', source: 'LineAmount' },
    // The line's sales tax (Sales keeps tax per line, not on the header).
    { target: 'Tax', source: 'LineTotalTaxAmount' },
  ],
};
