import type { EntityRef, EntityTemplate, TaskDefinition, TaskFilter } from '@p2c/core';
import { productSchema } from '@p2c/cds';
import {
  CURRENCIES,
  P2C_TASKS,
  PRICE_LISTS,
  currenciesReference,
  currencyBind,
  priceListBind,
  priceListsReference,
  productBind,
  unitBind,
} from '@p2c/prospect-to-cash';
import { cdsProductToPriceListItem } from './mappings/cdsProductToPriceListItem.js';
import { cdsProductToSalesProduct } from './mappings/cdsProductToSalesProduct.js';
import { releasedProductFields, releasedProductToCdsProduct } from './mappings/releasedProductToCdsProduct.js';
import { priceListItemId } from './transforms/priceListItemId.js';
import { unitGroupBind } from './transforms/unitGroupBind.js';

export const PRODUCTS_TEMPLATE_ID = 'products';
export const PRODUCTS_TASK_ID = 'Products';
export const PRODUCT_PRICE_LIST_ITEMS_TASK_ID = 'ProductPriceListItems';

/**
 * The setup a released product needs before a sales order can use it: its item model group,
 * item group, storage dimension group and tracking dimension group (see the README).
 */
export const SALES_ORDER_SETUP_FIELDS = [
  'ItemModelGroupId',
  'ProductGroupId',
  'StorageDimensionGroupName',
  'TrackingDimensionGroupName',
] as const;

/**
 * Only sellable products, as the Sellable released products entity exports them: not stopped
 * for sales (F&O's "Stopped" flag is No) and with the setup a sales order needs.
 */
export const sellableOnly: TaskFilter = {
  description:
    'only sellable products (IsSalesStopped = No, with an item model group, an item group, a storage dimension group and a tracking dimension group)',
  where: {
    all: [{ field: 'IsSalesStopped', eq: 'No' }, ...SALES_ORDER_SETUP_FIELDS.map((field) => ({ field, blank: false }))],
  },
};

const releasedProducts: { connector: string; ref: EntityRef } = {
  connector: 'finops',
  ref: {
    entity: 'ReleasedDistinctProductsV2',
    key: ['dataAreaId', 'ProductNumber'],
    fields: releasedProductFields,
    options: {},
  },
};

const shared = {
  source: releasedProducts,
  canonical: { name: 'CDS Product', schema: productSchema },
  sourceToCanonical: releasedProductToCdsProduct,
  naturalKey: { sourceField: 'ProductNumber', label: 'product number', rejectDuplicates: false },
  filters: { sellableOnly },
} satisfies Partial<TaskDefinition>;

const productsTask: TaskDefinition = {
  ...shared,
  id: PRODUCTS_TASK_ID,
  destination: {
    connector: 'dataverse',
    ref: {
      entity: 'products',
      key: ['productnumber'],
      fields: cdsProductToSalesProduct.fields.map((f) => f.target),
      // Dataverse: the product's pricelevelid is not valid for create (set by an update).
      options: { notOnCreate: ['pricelevelid@odata.bind'] },
    },
  },
  canonicalToDestination: cdsProductToSalesProduct,
  transforms: {
    UnitBind: unitBind,
    UnitGroupBind: unitGroupBind,
    PriceListBind: priceListBind,
    TransactionCurrencyBind: currencyBind,
  },
  references: { [PRICE_LISTS]: priceListsReference, [CURRENCIES]: currenciesReference },
};

const priceListItemsTask: TaskDefinition = {
  ...shared,
  id: PRODUCT_PRICE_LIST_ITEMS_TASK_ID,
  destination: {
    connector: 'dataverse',
    ref: {
      entity: 'productpricelevels',
      key: ['productpricelevelid'],
      fields: cdsProductToPriceListItem.fields.map((f) => f.target),
      options: { primaryKey: true },
    },
  },
  canonicalToDestination: cdsProductToPriceListItem,
  transforms: {
    UnitBind: unitBind,
    PriceListBind: priceListBind,
    ProductBind: productBind,
    PriceListItemId: priceListItemId,
  },
  parents: [{ name: 'product', sourceField: 'ProductNumber', tasks: [P2C_TASKS.products.products] }],
  references: { [PRICE_LISTS]: priceListsReference },
};

/**
 * Products (Fin and Ops to Sales): sellable released products (each variant its own) become
 * externally maintained Sales products, each joining the first price list (by name) in its
 * currency at F&O's sales price.
 */
export const productsTemplate: EntityTemplate = {
  id: PRODUCTS_TEMPLATE_ID,
  name: 'Products (Fin and Ops to Sales)',
  description:
    'Sellable released products in Finance and Operations become Products in Sales (Is Externally Maintained = Yes), each in the first price list of its currency at its sales price.',
  preconditions: [],
  tasks: [productsTask, priceListItemsTask],
};
