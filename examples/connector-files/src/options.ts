import { z } from 'zod';

/** The connection's settings in p2c.config.yaml: the folder that holds one file per entity set. */
export const filesConnectionSchema = z.strictObject({
  folder: z
    .string({ error: 'required: the folder of the JSON-lines files (e.g. ./data), relative to the config file' })
    .trim()
    .min(1, { error: 'must not be empty: the folder of the JSON-lines files (e.g. ./data)' }),
});
export type FilesConnectionSettings = z.output<typeof filesConnectionSchema>;

/** What a task may ask of an entity read as a source (`source.ref.options`). */
export const filesSourceOptionsSchema = z.strictObject({
  /** The field holding each line's own id; default: the key fields joined by '|'. */
  idField: z.string().min(1).optional(),
  /**
   * A field every writer sets on change (an ISO date-time): later reads take only the lines
   * changed since the last read. Without it every read is a full read.
   */
  modifiedField: z.string().min(1).optional(),
});
export type FilesSourceOptions = z.output<typeof filesSourceOptionsSchema>;

/** A destination entity takes no options: lines are upserted by the task's key fields. */
export const filesDestinationOptionsSchema = z.strictObject({});

/** Where a read resumes: lines whose modified field is at or after this value. */
export const filesCheckpointSchema = z.object({ modifiedSince: z.string() });
