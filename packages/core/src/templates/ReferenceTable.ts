import { z } from 'zod';

/** Where a task reads or writes: the entity set, its natural key's fields and the fields it moves. */
export const entityRefSchema = z.object({
  /** The entity set, e.g. `accounts` or `CustomersV3`. */
  entity: z.string().min(1),
  /** The natural key's fields, in key order. */
  key: z.array(z.string().min(1)),
  /** Fields to read (sources) or that may be written (destinations). */
  fields: z.array(z.string().min(1)),
  /** Connector-specific extras (an `$expand`, a filter), validated by the connector. */
  options: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Rows a task's transforms look things up in (price lists by currency, units by name), read in
 * full once per run through a connector's source side.
 */
export const referenceTableSchema = z.object({ connector: z.string().min(1), ref: entityRefSchema });
export type ReferenceTable = z.infer<typeof referenceTableSchema>;
