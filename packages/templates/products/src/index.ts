import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { productsTemplate } from './productsTemplate.js';

export {
  PRODUCTS_TEMPLATE_ID,
  PRODUCTS_TASK_ID,
  PRODUCT_PRICE_LIST_ITEMS_TASK_ID,
  productsTemplate,
  sellableOnly,
} from './productsTemplate.js';
export { cdsProductToPriceListItem } from './mappings/cdsProductToPriceListItem.js';
export { cdsProductToSalesProduct } from './mappings/cdsProductToSalesProduct.js';
export {
  DEFAULT_UNIT_MAP,
  releasedProductFields,
  releasedProductToCdsProduct,
} from './mappings/releasedProductToCdsProduct.js';
export { priceListBind } from './priceLists/priceListBind.js';
export { transactionCurrencyBind } from './transforms/transactionCurrency.js';
// Moved to @p2c/sales; still exported here for existing imports.
export {
  CURRENCIES,
  PRICE_LISTS,
  alternateKeyBind as bindByKey,
  currenciesReference,
  findFirstPriceList,
  firstPriceListFor,
  priceListsReference,
  productBind,
  unitBind,
  type PriceListChoice,
} from '@p2c/sales';
export { priceListItemId } from './transforms/priceListItemId.js';

/** The plugin manifest: what the CLI registers. */
export const productsPlugin = definePlugin({
  name: '@p2c/template-products',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [productsTemplate],
});

export default productsPlugin;
