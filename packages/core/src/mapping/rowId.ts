import { RecordError } from '../errors/index.js';
import { stableGuid } from './stableGuid.js';
import type { NamedTransform } from './Transform.js';

/**
 * The primary key of a row a destination keeps without an alternate key (an order or invoice
 * line in Sales): a GUID derived from the table and the record's natural key, the same on every
 * run, so writing the record again updates the same row.
 */
export function rowId(table: string): NamedTransform {
  return (_value, { key, field }) => {
    if (key === undefined || key === null || key === '') {
      throw new RecordError(`${field}: the record has no key to derive its id from`, { code: 'KEY_MISSING', field });
    }
    return stableGuid(table, key);
  };
}
