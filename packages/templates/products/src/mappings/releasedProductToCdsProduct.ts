import type { Mapping } from '@p2c/core';
import { DEFAULT_UNIT_MAP } from '@p2c/prospect-to-cash';

/** F&O `ReleasedDistinctProductsV2` fields read for the tasks (besides the key, `dataAreaId` and `ProductNumber`). */
export const releasedProductFields = [
  'ProductNumber',
  'ItemNumber',
  'ProductName',
  'ProductDescription',
  'ProductSubtype',
  'SalesUnitSymbol',
  'SalesPrice',
  'SalesCurrencyCode',
  'ItemModelGroupId',
  'ProductGroupId',
  'StorageDimensionGroupName',
  'TrackingDimensionGroupName',
  'IsSalesStopped',
];

/** Source > CDS: an F&O released distinct product (a product or a variant) to the CDS Product. */
export const releasedProductToCdsProduct: Mapping = {
  name: 'Fin and Ops Released distinct products > CDS Product',
  fields: [
    { target: 'ProductNumber', source: 'ProductNumber' },
    { target: 'ItemNumber', source: 'ItemNumber' },
    { target: 'Name', source: 'ProductName' },
    { target: 'Description', source: 'ProductDescription' },
    { target: 'ProductSubtype', source: 'ProductSubtype' },
    {
      target: 'DefaultUnit',
      source: 'SalesUnitSymbol',
      transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_UNIT_MAP } }],
    },
    { target: 'SalesPrice', source: 'SalesPrice', transforms: [{ transformType: 'Default', value: 0 }] },
    { target: 'CurrencyCode', source: 'SalesCurrencyCode' },
  ],
};
