import type { TaskRef } from './TaskRef.js';

/**
 * A record's parent in another task, named by its natural key: a quote line names its quote by
 * quote number and its product by product number. A record whose parent has not been synced
 * waits (pending, retried every run) instead of failing for good; one whose parent failed says so;
 * one whose parent its own task's filters left out is left out too.
 */
export interface ParentReference {
  /** What the parent is, for messages and transforms: `quote`. */
  name: string;
  /**
   * Where the record holds the parent's natural key (a dotted path: `quoteid.quotenumber`), or
   * several places, the first that holds a value winning (a customer that is an account or a contact).
   */
  sourceField: string | readonly string[];
  /**
   * The tasks whose records can be the parent (`taskRef('accounts', 'Accounts - Account -
   * Customers')`, or a ref a template package exports); the first that synced the key is it (an
   * F&O customer came from an account or from a contact).
   */
  tasks: readonly TaskRef[];
  /** A record without the key has no such parent and is not held back (an invoice without an order). */
  optional?: boolean;
}
