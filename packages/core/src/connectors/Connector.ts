import type { RecordDestination } from './RecordDestination.js';
import type { RecordSource } from './RecordSource.js';

/** What a task asks of a connector: an entity, its key fields, and the fields it needs. */
export interface EntityRef {
  /** The entity set, e.g. `accounts` or `CustomersV3`. */
  entity: string;
  /** The natural key's fields, in key order. */
  key: string[];
  /** Fields to read (sources) or that may be written (destinations). */
  fields: string[];
  /** Connector-specific extras (an `$expand`, a filter), validated by the connector. */
  options?: Record<string, unknown>;
}

/**
 * A connection to one system. Two-way in shape: a system is a source for some templates and
 * a destination for others, so a connector offers either side per entity.
 */
export interface Connector {
  /** The kind of system, as templates name it: `dataverse`, `finops`. */
  readonly kind: string;
  source?(ref: EntityRef): RecordSource;
  destination?(ref: EntityRef): RecordDestination;
}

/** The configured connections, by the kind of system they reach. */
export interface ConnectorRegistry {
  get(kind: string): Connector;
}
