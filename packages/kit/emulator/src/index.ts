export {
  Emulator,
  type EmulatorAccounts,
  type EmulatorCustomers,
  type EmulatorOptions,
  type EmulatorSettings,
} from './Emulator.js';
export { EmulatorConfigError } from './config/EmulatorConfigError.js';
export {
  DEFAULT_SERVICE_LIMITS,
  emulatorLimitsSchema,
  parseEmulatorLimits,
  type EffectiveLimits,
  type EmulatorLimits,
  type ProtectedService,
  type ServiceLimits,
} from './protection/serviceLimits.js';
export {
  faultOptionsSchema,
  parseFaultOptions,
  type FaultCounts,
  type FaultOptions,
  type FaultRates,
  type FaultScriptEntry,
  type FaultSpec,
} from './faults/faultOptions.js';
export {
  changeTrackingSchema,
  DEFAULT_CHANGE_TRACKING,
  type ChangeTrackingOptions,
  type ChangeTrackingSettings,
} from './dataverse/changes/changeTrackingSettings.js';
export { DEFAULT_CREDENTIALS, DEFAULT_URLS, type EmulatorUrls } from './defaults.js';
export type { DataverseAccount } from './dataverse/DataverseAccount.js';
export type { EmulatorSalesTable } from './dataverse/tables/salesTableAccess.js';
export { SALES_TABLE_NAMES, SALES_TABLES, type SalesTableName } from './dataverse/tables/salesTableDefinitions.js';
export type {
  SalesRow,
  TableColumn,
  TableColumnKind,
  TableDefinition,
  TableLookup,
  TableReader,
} from './dataverse/tables/TableDefinition.js';
export type { SeedSalesRow, SeedSalesTables } from './seed/salesTableSeedSchema.js';
export { DEFAULT_TRANSACTION_CURRENCIES, type TransactionCurrency } from './dataverse/TransactionCurrency.js';
export type { FinOpsCustomer, FinOpsCustomerGroup } from './finops/FinOpsCustomer.js';
export type { EmulatorFinOpsEntity, FinOpsEntityKey } from './finops/entities/entityAccess.js';
export { FINOPS_ENTITY_SETS, type FinOpsEntitySetName } from './finops/entities/entityCatalog.js';
export type { FinOpsEntityRow, FinOpsEntityValue } from './finops/entities/EntityDefinition.js';
export { SALES_ORDER_PROCESSING_STATUSES } from './finops/entities/salesOrders.js';
export type { SeedFinOpsEntities, SeedFinOpsEntityRow } from './finops/entities/entitySeed.js';
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
export type {
  SeedEntityDeclaration,
  SeedEntityField,
  SeedTableColumn,
  SeedTableDeclaration,
  SeedTableLookup,
} from './seed/declarationSchema.js';
export { EmulatorSeedError, parseEmulatorSeed } from './seed/parseEmulatorSeed.js';
export { loadSeedFile } from './seed/loadSeedFile.js';
export type { WriteAction, WriteLogEntry, WrittenService } from './store/WriteLog.js';
export { emulatorHandlers } from './msw/emulatorHandlers.js';
export { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from './server/startEmulatorServer.js';
