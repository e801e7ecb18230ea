export { startHarness, type Harness, type HarnessOptions, type HarnessRunOptions } from './startHarness.js';
export { p2cConnectors } from './p2cConnectors.js';
export { useEmulator, type UseEmulatorOptions } from './useEmulator.js';
export type { EmulatorEndpoints } from './emulatorEndpoints.js';
export {
  atAccount,
  atContact,
  atCurrency,
  atInvoice,
  atOrder,
  atPriceList,
  atProduct,
  atQuote,
  atUnit,
  currencyId,
  type BindTarget,
} from './builders/binds.js';
export {
  finopsCustomer,
  finopsInvoice,
  finopsInvoiceLine,
  finopsReleasedProduct,
  finopsSalesOrder,
  finopsSalesOrderLine,
  type CustomerTarget,
  type FinOpsOverrides,
  type FinOpsRow,
} from './builders/finopsRows.js';
export {
  salesAccount,
  salesContact,
  salesPriceList,
  salesProduct,
  salesQuote,
  salesQuoteDetail,
  salesUnit,
  type SalesOverrides,
} from './builders/salesRows.js';
export { resetBuilders } from './builders/sequence.js';
