import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { ordersTemplate } from './ordersTemplate.js';

export {
  ORDERS_TEMPLATE_ID,
  ORDER_HEADER_TASK,
  ORDER_HEADER_TASK_ID,
  ORDER_LINE_TASK_ID,
  PRODUCTS_TASK,
  ordersTemplate,
} from './ordersTemplate.js';
export { lineKey } from './keys/lineKey.js';
export { cdsSalesOrderLineToOrderDetail } from './mappings/cdsSalesOrderLineToOrderDetail.js';
export { cdsSalesOrderToSalesOrder } from './mappings/cdsSalesOrderToSalesOrder.js';
export { documentHeaderFields } from './mappings/documentHeaderFields.js';
export {
  finOpsOrderHeaderFields,
  finOpsOrderHeaderToCdsSalesOrder,
} from './mappings/finOpsOrderHeaderToCdsSalesOrder.js';
export {
  finOpsOrderLineFields,
  finOpsOrderLineToCdsSalesOrderLine,
} from './mappings/finOpsOrderLineToCdsSalesOrderLine.js';
export { customerParent } from './parents/customerParent.js';
export { documentReferences } from './references/documentReferences.js';
export { currencyBind } from './transforms/currencyBind.js';
export {
  ACCOUNT_CUSTOMER_TASK,
  CONTACT_CUSTOMER_TASK,
  CUSTOMER_TASKS,
  customerAccountBind,
  customerContactBind,
} from './transforms/customerBind.js';
export { dateOnly } from './transforms/dateOnly.js';
export { documentTransforms, lineTransforms } from './transforms/documentTransforms.js';
export { firstPriceListIn, priceListBind } from './transforms/priceListBind.js';
export { INVOICED_ORDER, PROCESSING_STATUS_OPTIONS } from './transforms/processingStatusOptions.js';
export { rowId } from './transforms/rowId.js';
export { DEFAULT_UNIT_MAP, unitBind } from './transforms/unitBind.js';
export { valueOr } from './transforms/valueOr.js';
// Moved to @p2c/sales; still exported here for existing imports.
export {
  alternateKeyBind,
  bindByAlternateKey,
  bindById,
  currenciesReference,
  findCurrency,
  priceListsReference,
} from '@p2c/sales';

/** The plugin manifest: what the CLI registers. */
export const ordersPlugin = definePlugin({
  name: '@p2c/template-orders',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [ordersTemplate],
});

export default ordersPlugin;
