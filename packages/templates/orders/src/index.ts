import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { ordersTemplate } from './ordersTemplate.js';

export { ORDERS_TEMPLATE_ID, ORDER_HEADER_TASK_ID, ORDER_LINE_TASK_ID, ordersTemplate } from './ordersTemplate.js';
export { cdsSalesOrderLineToOrderDetail } from './mappings/cdsSalesOrderLineToOrderDetail.js';
export { cdsSalesOrderToSalesOrder } from './mappings/cdsSalesOrderToSalesOrder.js';
export {
  finOpsOrderHeaderFields,
  finOpsOrderHeaderToCdsSalesOrder,
} from './mappings/finOpsOrderHeaderToCdsSalesOrder.js';
export {
  finOpsOrderLineFields,
  finOpsOrderLineToCdsSalesOrderLine,
} from './mappings/finOpsOrderLineToCdsSalesOrderLine.js';
export { PROCESSING_STATUS_OPTIONS } from './transforms/processingStatusOptions.js';

/** The plugin manifest: what the CLI registers. */
export const ordersPlugin = definePlugin({
  name: '@p2c/template-orders',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [ordersTemplate],
});

export default ordersPlugin;
