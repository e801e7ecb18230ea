import { z } from 'zod';
import { number, text } from './fields.js';

/** The F&O `CDSSalesOrderLines` fields. */
export const cDSSalesOrderLinesEntity = z.object({
  dataAreaId: text,
  SalesOrderNumber: text,
  LineNumber: number,
  ProductNumber: text,
  OrderedSalesQuantity: number,
  SalesPrice: number,
  SalesUnitSymbol: text,
  LineAmount: number,
  DeliveryCountryRegionId: text,
  LineTotalTaxAmount: number,
});
