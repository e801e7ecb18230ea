import type { RunSummary } from '@p2c/core';

/** `summary.failures` / `summary.excluded` of what looks like a RunSummary, else undefined. */
export function summaryList<L extends 'failures' | 'excluded'>(received: unknown, list: L): RunSummary[L] | undefined {
  if (typeof received !== 'object' || received === null) return undefined;
  const value = (received as Record<string, unknown>)[list];
  // An array where a summary has its list: taken to be that list (the matchers read only its records' fields).
  return Array.isArray(value) ? (value as RunSummary[L]) : undefined;
}
