import type { TaskSettings } from '@p2c/core';

/**
 * A connection: the kind of connector that reaches it and the settings that connector's schema
 * accepted. The secret is not here: it is read when the connection is first used.
 */
export interface ConfiguredConnection {
  kind: string;
  settings: unknown;
}

/** The validated configuration, with every path resolved against the config file's folder. */
export interface P2cConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder, against which relative paths were resolved. */
  dir: string;
  /** The SQLite state file, absolute. */
  statePath: string;
  /** By name (`sales`, `finops`, ...); one connection per kind. */
  connections: Record<string, ConfiguredConnection>;
  /** CDS organization id -> F&O legal entity (dataAreaId). */
  organizations: Record<string, string>;
  /** Task settings per template id, then per task id. */
  templates: Record<string, Record<string, TaskSettings>>;
  /** Projects by name: template ids in the order the file lists them (checked to be installed). */
  projects: Record<string, { templates: string[] }>;
}
