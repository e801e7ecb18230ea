import { describe, expect, it } from 'vitest';
import { dateOnly } from './dateOnly.js';

const context = { field: 'requestdeliveryby', record: {} };

describe('dateOnly', () => {
  it('keeps the calendar date F&O holds, with no time-zone shift', () => {
    expect(dateOnly('2026-03-01T23:30:00Z', context)).toBe('2026-03-01');
  });

  it("reads F&O's empty date (1900-01-01) and a blank value as no date", () => {
    expect(dateOnly('1900-01-01T00:00:00Z', context)).toBeNull();
    expect(dateOnly('', context)).toBeNull();
  });
});
