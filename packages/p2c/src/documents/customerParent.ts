import type { ParentReference } from '@p2c/core';
import { CUSTOMER_TASKS } from '../tasks/P2C_TASKS.js';

/**
 * The record's customer, synced to F&O from a Sales account or (Contacts to Customer) a Sales
 * contact: the record waits until it has been, and its customer bind follows where it came from.
 */
export function customerParent(sourceField: string | readonly string[]): ParentReference {
  return { name: 'customer', sourceField, tasks: CUSTOMER_TASKS };
}
