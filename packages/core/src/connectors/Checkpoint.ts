import { z } from 'zod';

/**
 * Where a source read may resume. Opaque to the runner: the source that produced it is the
 * only one that reads it (a `modifiedon` watermark today, a change-tracking delta link later).
 * It must be plain JSON so any state store can keep it.
 */
export type Checkpoint = z.infer<typeof checkpointSchema>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonSchema), z.record(z.string(), jsonSchema)]),
);

export const checkpointSchema = z.record(z.string(), jsonSchema);
