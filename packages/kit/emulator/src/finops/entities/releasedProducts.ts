import type { EntityDefinition } from './EntityDefinition.js';
import { decimal, noYes, text } from './entityFields.js';

/**
 * Released distinct products: the read side of the Products template. The item model group,
 * item group and storage and tracking dimension groups are the setup a released product needs
 * before a sales order can use it (what the Products template's sellable filter checks).
 */
export const RELEASED_DISTINCT_PRODUCTS: EntityDefinition = {
  entitySet: 'ReleasedDistinctProductsV2',
  typeName: 'ReleasedDistinctProductV2',
  tableType: 'EcoResReleasedDistinctProductV2Entity',
  tableLabel: 'Released products (InventTable)',
  keyFields: ['ProductNumber'],
  fields: {
    ProductNumber: text('Product number', { required: true }),
    ItemNumber: text('Item number', { required: true }),
    ProductName: text('Product name', { required: true }),
    ProductDescription: text('Description'),
    ProductSubtype: text('Product subtype', { values: ['Product', 'Variant'], defaultValue: 'Product' }),
    SalesUnitSymbol: text('Sales unit'),
    SalesPrice: decimal('Sales price'),
    SalesCurrencyCode: text('Currency'),
    ItemModelGroupId: text('Item model group'),
    ProductGroupId: text('Item group'),
    StorageDimensionGroupName: text('Storage dimension group'),
    TrackingDimensionGroupName: text('Tracking dimension group'),
    IsSalesStopped: noYes('Stopped'),
  },
};
