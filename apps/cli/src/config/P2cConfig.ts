import type { TaskSettings } from '@p2c/core';
import type { ConnectionConfig, ConnectionName } from './configSchema.js';

/** A connection with its paths made absolute. The secret is not here: it is read when used. */
type ResolvedConnection = ConnectionConfig;

/** The validated configuration, with every path resolved against the config file's folder. */
export interface P2cConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder, against which relative paths were resolved. */
  dir: string;
  /** The SQLite state file, absolute. */
  statePath: string;
  connections: Record<ConnectionName, ResolvedConnection>;
  /** CDS organization id -> F&O legal entity (dataAreaId). */
  organizations: Record<string, string>;
  /** Task settings per template id, then per task id. */
  templates: Record<string, Record<string, TaskSettings>>;
  /** Projects by name: template ids in the order the file lists them (checked to be installed). */
  projects: Record<string, { templates: string[] }>;
}

/** The connection each connector kind is configured under. */
export const CONNECTION_OF_KIND: Readonly<Record<string, ConnectionName>> = {
  dataverse: 'sales',
  finops: 'finops',
};
