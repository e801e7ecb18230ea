import { z } from 'zod';
import { noYes, number, oneOf, text } from './fields.js';

/** The F&O `ReleasedDistinctProductsV2` fields. */
export const releasedDistinctProductsV2Entity = z.object({
  dataAreaId: text,
  ProductNumber: text,
  ItemNumber: text,
  ProductName: text,
  ProductDescription: text,
  ProductSubtype: oneOf('Product', 'Variant'),
  SalesUnitSymbol: text,
  SalesPrice: number,
  SalesCurrencyCode: text,
  ItemModelGroupId: text,
  ProductGroupId: text,
  StorageDimensionGroupName: text,
  TrackingDimensionGroupName: text,
  IsSalesStopped: noYes,
});
