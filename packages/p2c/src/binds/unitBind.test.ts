import { RecordError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { unitBind } from './unitBind.js';

const context = { field: 'uomid@odata.bind', record: {} };

describe('unitBind', () => {
  it('binds a unit by its name in Sales, quoting it as a key literal', () => {
    expect(unitBind(' Each ', context)).toBe("/uoms(name='Each')");
    expect(unitBind("Men's size", context)).toBe("/uoms(name='Men''s size')");
  });

  it('fails a record without a unit, naming what to configure', () => {
    expect(() => unitBind('', context)).toThrow(RecordError);
    expect(() => unitBind(null, context)).toThrow(
      'uomid@odata.bind: the record has no sales unit (map a blank unit in the unit value map to give it one)',
    );
  });
});
