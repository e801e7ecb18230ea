import { z } from 'zod';
import { taskRefSchema } from './TaskRef.js';

/**
 * A record's parent in another task, named by its natural key: a quote line names its quote by
 * quote number and its product by product number. A record whose parent has not been synced
 * waits (pending, retried every run) instead of failing for good; one whose parent failed says so;
 * one whose parent its own task's filters left out is left out too.
 */
export const parentReferenceSchema = z.object({
  /** What the parent is, for messages and transforms: `quote`. */
  name: z.string().min(1),
  /**
   * Where the record holds the parent's natural key (a dotted path: `quoteid.quotenumber`), or
   * several places, the first that holds a value winning (a customer that is an account or a contact).
   */
  sourceField: z.union([z.string().min(1), z.array(z.string().min(1)).min(1).readonly()]),
  /**
   * The tasks whose records can be the parent (`taskRef('accounts', 'Accounts - Account -
   * Customers')`, or a ref a template package exports); the first that synced the key is it (an
   * F&O customer came from an account or from a contact).
   */
  tasks: z.array(taskRefSchema).min(1).readonly(),
  /** A record without the key has no such parent and is not held back (an invoice without an order). */
  optional: z.boolean().optional(),
});
export type ParentReference = z.infer<typeof parentReferenceSchema>;
