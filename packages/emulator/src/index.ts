export { Emulator, type EmulatorAccounts, type EmulatorCustomers, type EmulatorOptions } from './Emulator.js';
export { DEFAULT_CREDENTIALS, DEFAULT_URLS, type EmulatorUrls } from './defaults.js';
export type { DataverseAccount } from './dataverse/DataverseAccount.js';
export { DEFAULT_TRANSACTION_CURRENCIES, type TransactionCurrency } from './dataverse/TransactionCurrency.js';
export type { FinOpsCustomer, FinOpsCustomerGroup } from './finops/FinOpsCustomer.js';
export type { CountedService, RequestCounts, ServiceRequestCounts } from './pipeline/RequestCounter.js';
export {
  emulatorSeedSchema,
  type EmulatorSeed,
  type SeedAccount,
  type SeedCurrency,
  type SeedCustomer,
  type SeedCustomerGroup,
  type SeedReference,
} from './seed/emulatorSeedSchema.js';
export { EmulatorSeedError, parseEmulatorSeed } from './seed/parseEmulatorSeed.js';
export { loadSeedFile } from './seed/loadSeedFile.js';
export { emulatorHandlers } from './msw/emulatorHandlers.js';
export { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from './server/startEmulatorServer.js';
