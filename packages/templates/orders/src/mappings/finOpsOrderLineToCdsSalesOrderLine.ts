import type { Mapping } from '@p2c/core';
import { DEFAULT_UNIT_MAP } from '@p2c/prospect-to-cash';

/** `CDSSalesOrderLines` fields read for the task. */
export const finOpsOrderLineFields = [
  'dataAreaId',
  'SalesOrderNumber',
  'LineNumber',
  'ProductNumber',
  'OrderedSalesQuantity',
  'SalesPrice',
  'SalesUnitSymbol',
  'LineAmount',
];

/** Source > CDS: an F&O `CDSSalesOrderLines` row to the CDS SalesOrderLine; the unit symbol becomes a Sales unit name. */
export const finOpsOrderLineToCdsSalesOrderLine: Mapping = {
  name: 'Fin and Ops CDS sales order lines > CDS SalesOrderLine',
  fields: [
    { target: 'SalesOrderNumber', source: 'SalesOrderNumber' },
    { target: 'LineNumber', source: 'LineNumber' },
    { target: 'ProductNumber', source: 'ProductNumber' },
    { target: 'Quantity', source: 'OrderedSalesQuantity' },
    { target: 'UnitPrice', source: 'SalesPrice' },
    {
      target: 'Unit',
      source: 'SalesUnitSymbol',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_UNIT_MAP } }],
    },
    { target: 'LineAmount', source: 'LineAmount' },
  ],
};
