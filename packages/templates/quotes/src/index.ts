import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { quotesTemplate } from './quotesTemplate.js';

export { QUOTE_HEADER_TASK_ID, QUOTE_LINE_TASK_ID, quoteLineKey, quotesTemplate } from './quotesTemplate.js';
export {
  DEFAULT_REQUESTED_DELIVERY_DATE,
  salesQuoteColumns,
  salesQuoteToCdsQuotation,
} from './mappings/salesQuoteToCdsQuotation.js';
export { cdsQuotationToSalesQuotationHeader } from './mappings/cdsQuotationToSalesQuotationHeader.js';
export {
  salesQuoteDetailColumns,
  salesQuoteDetailToCdsQuotationLine,
} from './mappings/salesQuoteDetailToCdsQuotationLine.js';
export {
  cdsQuotationLineToSalesQuotationLine,
  defaultUnitMap,
  quotationLineNumberFields,
} from './mappings/cdsQuotationLineToSalesQuotationLine.js';
export { CUSTOMER_KEY_FIELDS, customerNumber } from './transforms/customerNumber.js';
export { finOpsDateTime } from './transforms/finOpsDateTime.js';

/** The plugin manifest: what the CLI registers. */
export const quotesPlugin = definePlugin({
  name: '@p2c/template-quotes',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [quotesTemplate],
});

export default quotesPlugin;
