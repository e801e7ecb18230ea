import type { Mapping } from '@p2c/core';
import { DEFAULT_COUNTRY_NAME_MAP, DEFAULT_UNIT_MAP } from '@p2c/prospect-to-cash';

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
  'DeliveryCountryRegionId',
  'LineTotalTaxAmount',
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
    // "Tax related to charges at the line level is included."
    { target: 'Tax', source: 'LineTotalTaxAmount' },
    // "Ensure that the needed mapping exists in Source > CDS for DeliveryCountryRegionId to DeliveryAddress_Country."
    {
      target: 'DeliveryAddressCountry',
      source: 'DeliveryCountryRegionId',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_COUNTRY_NAME_MAP } }],
    },
  ],
};
