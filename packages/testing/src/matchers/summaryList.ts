/** `summary.failures` / `summary.excluded` of what looks like a RunSummary, else undefined. */
export function summaryList<T>(received: unknown, list: 'failures' | 'excluded'): T[] | undefined {
  if (typeof received !== 'object' || received === null) return undefined;
  const value = (received as Record<string, unknown>)[list];
  return Array.isArray(value) ? (value as T[]) : undefined;
}
