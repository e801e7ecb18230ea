import { z } from 'zod';

/** What a template may ask of an F&O data entity beyond its fields (`EntityRef.options`). */
export const finOpsEntityOptionsSchema = z.object({
  /** Keys looked up per read when finding which rows exist (bounded by URL length). */
  lookupChunkSize: z.number().int().min(1).max(100).default(25),
  /** Numeric fields: a cleared number is left alone rather than sent as ''. */
  numberFields: z.array(z.string()).default([]),
});
export type FinOpsEntityOptions = z.infer<typeof finOpsEntityOptionsSchema>;
