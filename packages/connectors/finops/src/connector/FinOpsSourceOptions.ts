import { z } from 'zod';

/** What a template may ask of an F&O data entity read as a source (`EntityRef.options`). */
export const finOpsSourceOptionsSchema = z
  .object({
    /** Read every legal entity (`cross-company=true`); false reads the user's default company only. */
    crossCompany: z.boolean().default(true),
    /** Only these legal entities (`dataAreaId`s, e.g. `['usmf']`); read across companies. */
    legalEntities: z.array(z.string().min(1).max(4)).min(1).optional(),
    /**
     * A datetime field the entity sets on every change (e.g. `ModifiedDateTime`): later reads
     * take only rows changed since the last one. Without it every read is a full read.
     */
    modifiedField: z.string().min(1).optional(),
    /**
     * How far before its start a full read sets its watermark, so that rows changed while it
     * ran are read again by the next incremental run (unchanged rows cost no write).
     */
    watermarkMarginSeconds: z.number().int().nonnegative().default(300),
    /** Keys looked up per read in `readByIds` (bounded by URL length). */
    lookupChunkSize: z.number().int().min(1).max(100).default(25),
  })
  .refine((options) => options.crossCompany || options.legalEntities === undefined, {
    error: 'naming legal entities needs crossCompany: true',
    path: ['legalEntities'],
  });
export type FinOpsSourceOptions = z.infer<typeof finOpsSourceOptionsSchema>;

/**
 * Where an F&O read resumes: rows modified at or after an instant (entities with a modified
 * field), or nowhere (`fullReadAt` only records when the last full read started).
 */
export const finOpsCheckpointSchema = z.union([
  z.object({ modifiedSince: z.iso.datetime({ offset: true }) }),
  z.object({ fullReadAt: z.iso.datetime({ offset: true }) }),
]);
export type FinOpsCheckpoint = z.infer<typeof finOpsCheckpointSchema>;
