import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { invoicesTemplate } from './invoicesTemplate.js';

export {
  INVOICES_TEMPLATE_ID,
  INVOICE_HEADER_TASK_ID,
  INVOICE_LINE_TASK_ID,
  INVOICE_ORDER_STATUS_TASK_ID,
  invoicesTemplate,
} from './invoicesTemplate.js';
export { cdsSalesInvoiceLineToInvoiceDetail } from './mappings/cdsSalesInvoiceLineToInvoiceDetail.js';
export { cdsSalesInvoiceToInvoice } from './mappings/cdsSalesInvoiceToInvoice.js';
export { cdsSalesInvoiceToInvoicedOrder } from './mappings/cdsSalesInvoiceToInvoicedOrder.js';
export {
  finOpsInvoiceHeaderFields,
  finOpsInvoiceHeaderToCdsSalesInvoice,
} from './mappings/finOpsInvoiceHeaderToCdsSalesInvoice.js';
export {
  finOpsInvoiceLineFields,
  finOpsInvoiceLineToCdsSalesInvoiceLine,
} from './mappings/finOpsInvoiceLineToCdsSalesInvoiceLine.js';

/** The plugin manifest: what the CLI registers. */
export const invoicesPlugin = definePlugin({
  name: '@p2c/template-invoices',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [invoicesTemplate],
});

export default invoicesPlugin;
