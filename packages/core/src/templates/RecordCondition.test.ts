import { describe, expect, it } from 'vitest';
import { describeCondition, meetsCondition, recordConditionSchema, type RecordCondition } from './RecordCondition.js';

const order = { status: 'Confirmed', totals: 'Yes', customer: { flag: 'yes' }, note: '  ' };

describe('record conditions', () => {
  it.each<[RecordCondition, boolean]>([
    [{ field: 'status', eq: 'confirmed' }, true],
    [{ field: 'status', ne: 'Confirmed' }, false],
    [{ field: 'status', in: ['Draft', 'Confirmed'] }, true],
    [{ field: 'status', notIn: ['Draft', 'Cancelled'] }, true],
    [{ field: 'customer.flag', eq: 'Yes' }, true],
    [{ field: 'note', blank: true }, true],
    [{ field: 'missing.path', blank: true }, true],
    [{ all: [{ field: 'totals', eq: 'Yes' }, { not: { field: 'status', eq: 'Draft' } }] }, true],
    [
      {
        any: [
          { field: 'totals', eq: 'No' },
          { field: 'status', eq: 'Draft' },
        ],
      },
      false,
    ],
  ])('%j is %s', (condition, expected) => {
    expect(meetsCondition(order, condition)).toBe(expected);
  });

  it('reads from configuration and says what it keeps', () => {
    const condition = recordConditionSchema.parse({
      all: [
        { field: 'statecode', eq: 1 },
        { field: 'status', notIn: ['A', 'B'] },
      ],
    });
    expect(describeCondition(condition)).toBe("statecode = 1 and status not in ['A', 'B']");
    expect(recordConditionSchema.safeParse({ field: 'x', equals: 1 }).success).toBe(false);
  });
});
