import { CORE_API_VERSION, definePlugin } from '@p2c/core';
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
export { DEFAULT_UNIT_MAP, releasedProductFields, releasedProductToCdsProduct } from './mappings/releasedProductToCdsProduct.js';
export {
  PRICE_LISTS,
  findFirstPriceList,
  firstPriceListFor,
  priceListBind,
  priceListsReference,
  type PriceListChoice,
} from './priceLists/firstPriceListFor.js';
export { CURRENCIES, currenciesReference, transactionCurrencyBind } from './transforms/transactionCurrency.js';
export { bindByKey, productBind, unitBind } from './transforms/binds.js';
export { priceListItemId } from './transforms/priceListItemId.js';

/** The plugin manifest: what the CLI registers. */
export const productsPlugin = definePlugin({
  name: '@p2c/template-products',
  version: packageJson.version,
  coreApi: `^${CORE_API_VERSION}`,
  templates: [productsTemplate],
});

export default productsPlugin;
