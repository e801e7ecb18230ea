import { describe, expect, it } from 'vitest';
import { valueOr } from './valueOr.js';

describe('valueOr', () => {
  const nameOrNumber = valueOr('SalesOrderNumber');
  const context = (record: Record<string, unknown>) => ({ field: 'name', record });

  it('keeps a value that is there', () => {
    expect(nameOrNumber('Big order', context({ SalesOrderNumber: 'SO-1' }))).toBe('Big order');
  });

  it("takes the record's field for a blank value, and null when that is not a scalar either", () => {
    expect(nameOrNumber('', context({ SalesOrderNumber: 'SO-1' }))).toBe('SO-1');
    expect(nameOrNumber(null, context({ SalesOrderNumber: { nested: true } }))).toBeNull();
  });
});
