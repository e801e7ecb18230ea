import { RecordError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { finOpsDateTime } from './finOpsDateTime.js';

const at = (value: string | null) => finOpsDateTime(value, { field: 'RequestedReceiptDate', record: {} });

describe('finOpsDateTime', () => {
  it("puts a Sales date at noon UTC, F&O's date-time form", () => {
    expect(at('2026-03-15')).toBe('2026-03-15T12:00:00Z');
    expect(at('2026-03-15T00:00:00Z')).toBe('2026-03-15T12:00:00Z');
  });

  it('leaves a blank blank', () => {
    expect(at(null)).toBeNull();
    expect(at(' ')).toBeNull();
  });

  it('fails a value that is not a date, naming it', () => {
    expect(() => at('15/03/2026')).toThrow(RecordError);
    expect(() => at('15/03/2026')).toThrow("RequestedReceiptDate: '15/03/2026' is not a date (expected YYYY-MM-DD)");
  });
});
