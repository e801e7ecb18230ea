/**
 * The DI identifiers every package codes against. `Symbol.for` so that two copies of core in
 * one process (a plugin with its own install) still agree on them.
 */
export const P2C = {
  StateStore: Symbol.for('@p2c/core/StateStore'),
  /** Bound once per registered connector kind, named by the kind (`dataverse`, `finops`, ...). */
  Connector: Symbol.for('@p2c/core/Connector'),
  ConnectorRegistry: Symbol.for('@p2c/core/ConnectorRegistry'),
  /** The connector descriptors by kind (`ConnectorDescriptorRegistry`). */
  ConnectorDescriptorRegistry: Symbol.for('@p2c/core/ConnectorDescriptorRegistry'),
  /** Bound once per installed plugin. */
  TemplatePlugin: Symbol.for('@p2c/core/TemplatePlugin'),
  TemplateRegistry: Symbol.for('@p2c/core/TemplateRegistry'),
  Logger: Symbol.for('@p2c/core/Logger'),
  Redactor: Symbol.for('@p2c/core/Redactor'),
  SyncRunner: Symbol.for('@p2c/core/SyncRunner'),
} as const;
