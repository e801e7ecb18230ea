/**
 * A column value as text, for keys, comparisons and messages: a string as it is, any other
 * scalar as `String()` writes it, an object or array (only JSON reaches here) as JSON rather
 * than `[object Object]`.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  return JSON.stringify(value);
}
