import { describe, expect, it } from 'vitest';
import { RecordError } from '../errors/index.js';
import { rowId } from './rowId.js';
import { stableGuid } from './stableGuid.js';

describe('rowId', () => {
  const lineId = rowId('salesorderdetail');

  it('derives the same GUID from the table and the natural key on every run', () => {
    const context = { field: 'salesorderdetailid', record: {}, key: 'SO-1|1' };
    expect(lineId(null, context)).toBe(stableGuid('salesorderdetail', 'SO-1|1'));
    expect(lineId(null, context)).toBe(lineId('ignored', context));
  });

  it('fails a record without a key, naming the field', () => {
    const call = () => lineId(null, { field: 'salesorderdetailid', record: {} });
    expect(call).toThrow(RecordError);
    expect(call).toThrow('salesorderdetailid: the record has no key to derive its id from');
  });
});
