import type { MatcherState, MatcherResult } from 'vitest';
import { describeValue } from './describeValue.js';

/**
 * `expect(rows).toHaveDefaults({ IsSalesStopped: 'No', ... })`: every row has these values
 * (asymmetric matchers such as `expect.any(String)` work). No rows at all do not pass: a check
 * of defaults on nothing checks nothing.
 */
export function toHaveDefaults(
  this: MatcherState,
  received: unknown,
  defaults: Readonly<Record<string, unknown>>,
): MatcherResult {
  if (!Array.isArray(received)) {
    return { pass: false, message: () => `toHaveDefaults expects an array of rows, got ${describeValue(received)}` };
  }
  const rows = received as unknown[];
  const misses: string[] = [];
  rows.forEach((row, index) => {
    const values = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
    const wrong = Object.entries(defaults)
      .filter(([field, value]) => !this.equals(values[field], value))
      .map(([field, value]) => `${field}: ${describeValue(values[field])} (expected ${describeValue(value)})`);
    if (wrong.length > 0) misses.push(`  row ${index}: ${wrong.join(', ')}`);
  });
  const pass = rows.length > 0 && misses.length === 0;
  return {
    pass,
    message: () => {
      if (pass)
        return `expected some of the ${rows.length} row(s) not to have ${describeValue(defaults)}, but all have`;
      if (rows.length === 0) return `expected rows with ${describeValue(defaults)}, but there are no rows`;
      return `expected every row to have ${describeValue(defaults)}; ${misses.length} of ${rows.length} do not:\n${misses.slice(0, 20).join('\n')}${misses.length > 20 ? `\n  ... and ${misses.length - 20} more` : ''}`;
    },
  };
}
