import { RecordError, stableGuid, type NamedTransform } from '@p2c/core';

/**
 * The primary key of a row Sales keeps without an alternate key (an order or invoice line): a
 * GUID derived from the table and the record's natural key, the same on every run.
 */
export function rowId(table: string): NamedTransform {
  return (_value, { key, field }) => {
    if (key === undefined || key === null || key === '') {
      throw new RecordError(`${field}: the line has no key to derive its id from`, { code: 'KEY_MISSING', field });
    }
    return stableGuid(table, key);
  };
}
