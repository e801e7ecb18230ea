import type { EntityRef } from '../connectors/index.js';

/**
 * Rows a task's transforms look things up in (price lists by currency, units by name), read in
 * full once per run through a connector's source side.
 */
export interface ReferenceTable {
  connector: string;
  ref: EntityRef;
}
