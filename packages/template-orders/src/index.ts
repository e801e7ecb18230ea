import { CORE_API_VERSION, definePlugin } from '@p2c/core';
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
export { finOpsOrderHeaderFields, finOpsOrderHeaderToCdsSalesOrder } from './mappings/finOpsOrderHeaderToCdsSalesOrder.js';
export { finOpsOrderLineFields, finOpsOrderLineToCdsSalesOrderLine } from './mappings/finOpsOrderLineToCdsSalesOrderLine.js';
export { customerParent } from './parents/customerParent.js';
export { currenciesReference, documentReferences, priceListsReference } from './references/salesReferences.js';
export { alternateKeyBind, bindByAlternateKey, bindById } from './transforms/bindByAlternateKey.js';
export { currencyBind, findCurrency } from './transforms/currencyBind.js';
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

/** The plugin manifest: what the CLI registers. */
export const ordersPlugin = definePlugin({
  name: '@p2c/template-orders',
  version: packageJson.version,
  coreApi: `^${CORE_API_VERSION}`,
  templates: [ordersTemplate],
});

export default ordersPlugin;
