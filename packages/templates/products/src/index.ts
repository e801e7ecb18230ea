import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { productsTemplate } from './productsTemplate.js';

export {
  PRODUCTS_TEMPLATE_ID,
  PRODUCTS_TASK_ID,
  PRODUCT_PRICE_LIST_ITEMS_TASK_ID,
  SALES_ORDER_SETUP_FIELDS,
  productsTemplate,
  sellableOnly,
} from './productsTemplate.js';
export { cdsProductToPriceListItem } from './mappings/cdsProductToPriceListItem.js';
export { DEFAULT_UNIT_GROUP_MAP, cdsProductToSalesProduct } from './mappings/cdsProductToSalesProduct.js';
export { releasedProductFields, releasedProductToCdsProduct } from './mappings/releasedProductToCdsProduct.js';
export { priceListItemId } from './transforms/priceListItemId.js';
export { unitGroupBind } from './transforms/unitGroupBind.js';

/** The plugin manifest: what the CLI registers. */
export const productsPlugin = definePlugin({
  name: '@p2c/template-products',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [productsTemplate],
});

export default productsPlugin;
