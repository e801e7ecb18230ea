import { z } from 'zod';

/** What a template may ask of a Dataverse table it writes to, beyond its fields (`EntityRef.options`). */
export const dataverseDestinationOptionsSchema = z.object({
  /** Keys looked up per read when a dry run finds which rows exist (bounded by URL length). */
  lookupChunkSize: z.number().int().min(1).max(100).default(25),
  /**
   * The key is the table's primary id, a GUID the client chooses (`stableGuid`), for tables with
   * no alternate key (order lines, price list items): `PATCH salesorderdetails(<guid>)` upserts.
   */
  primaryKey: z.boolean().default(false),
  /**
   * Fields Dataverse refuses on a create (the column's IsValidForCreate is False, e.g. a
   * product's `pricelevelid@odata.bind`): a create leaves them out and an update right after
   * sets them; an update sends them as any other field.
   */
  notOnCreate: z.array(z.string().min(1)).default([]),
});
export type DataverseDestinationOptions = z.infer<typeof dataverseDestinationOptionsSchema>;
