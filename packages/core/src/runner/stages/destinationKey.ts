import type { MappedRecord } from '../../mapping/index.js';

/** The destination's key of a mapped row: its key fields joined, as write outcomes name it. */
export function destinationKey(keyFields: readonly string[], row: MappedRecord): string {
  return keyFields.map((field) => String(row[field] ?? '')).join('|');
}
