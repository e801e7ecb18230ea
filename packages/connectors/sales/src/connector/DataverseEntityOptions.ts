import { z } from 'zod';

/** A lookup column resolved to columns of the row it points at, as `$expand` would show it. */
const lookupSchema = z.object({
  /** The related table's entity set, e.g. `transactioncurrencies`. */
  entity: z.string().min(1),
  /** Its id column, e.g. `transactioncurrencyid`. */
  idField: z.string().min(1),
  /** The columns wanted from it, e.g. `['isocurrencycode']`. */
  select: z.array(z.string().min(1)).min(1),
  /**
   * The column holding the related id, when it is not `_<name>_value`: a customer lookup points
   * at an account or a contact, so `customer_account` and `customer_contact` both read
   * `_customerid_value` and only the table holding the id fills its side.
   */
  column: z.string().min(1).optional(),
});

/** What a template may ask of a Dataverse table beyond its fields (`EntityRef.options`). */
export const dataverseEntityOptionsSchema = z.object({
  /** The table's primary id column, e.g. `accountid`. */
  idField: z.string().min(1),
  /**
   * Single-valued lookups to resolve, by navigation property: `transactioncurrencyid` reads
   * `_transactioncurrencyid_value` and sets `transactioncurrencyid: { isocurrencycode }` on the
   * row. Change tracking refuses `$expand`, so related rows are read once and joined here.
   */
  lookups: z.record(z.string(), lookupSchema).default({}),
  /** Read changes with Dataverse change tracking; without it (or when the table has none), a watermark. */
  changeTracking: z.boolean().default(true),
  /** The column a watermark reads changes by. */
  modifiedField: z.string().default('modifiedon'),
  /**
   * How far before its start a full read sets its watermark, so that rows changed while it
   * ran are read again by the next incremental run (unchanged rows cost no write).
   */
  watermarkMarginSeconds: z.number().int().nonnegative().default(300),
});
export type DataverseEntityOptions = z.infer<typeof dataverseEntityOptionsSchema>;
export type DataverseLookup = z.infer<typeof lookupSchema>;

/**
 * Where a Dataverse read resumes: the change-tracking delta link, or (for tables without
 * change tracking) rows modified at or after an instant. The delta link is stored relative to
 * the service root (`accounts?$deltatoken=…`) so another name for the connection's URL keeps
 * it; state written before that holds absolute links, still read.
 */
export const dataverseCheckpointSchema = z.union([
  z.object({ deltaLink: z.string().min(1) }),
  z.object({ modifiedSince: z.iso.datetime({ offset: true }) }),
]);
export type DataverseCheckpoint = z.infer<typeof dataverseCheckpointSchema>;
