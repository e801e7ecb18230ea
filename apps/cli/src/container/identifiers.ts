/** The CLI's own DI identifiers, beside core's `P2C`. */
export const CLI = {
  /** The validated configuration (`P2cConfig`). */
  Config: Symbol.for('@p2c/cli/Config'),
  /** The environment secrets are read from. */
  Env: Symbol.for('@p2c/cli/Env'),
  /** `(kind) => Connector`: resolves a connection lazily, so commands that need none ask no secret. */
  ConnectorResolver: Symbol.for('@p2c/cli/ConnectorResolver'),
} as const;
