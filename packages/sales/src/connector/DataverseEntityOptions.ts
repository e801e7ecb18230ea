import { z } from 'zod';

/** What a template may ask of a Dataverse table beyond its fields (`EntityRef.options`). */
export const dataverseEntityOptionsSchema = z.object({
  /** The table's primary id column, e.g. `accountid`. */
  idField: z.string().min(1),
  /** A single-valued lookup expand, e.g. `transactioncurrencyid($select=isocurrencycode)`. */
  expand: z.string().optional(),
  /** The column a watermark reads changes by. */
  modifiedField: z.string().default('modifiedon'),
  /**
   * How far before its start a full read sets its watermark, so that rows changed while it
   * ran are read again by the next incremental run (unchanged rows cost no write).
   */
  watermarkMarginSeconds: z.number().int().nonnegative().default(300),
});
export type DataverseEntityOptions = z.infer<typeof dataverseEntityOptionsSchema>;

/** The checkpoint of a Dataverse read: rows modified at or after this instant are read next. */
export const dataverseCheckpointSchema = z.object({ modifiedSince: z.iso.datetime({ offset: true }) });
export type DataverseCheckpoint = z.infer<typeof dataverseCheckpointSchema>;
