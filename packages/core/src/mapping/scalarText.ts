/**
 * A field value read from a record as text, for keys, lookups and messages: a string as it is,
 * a number or boolean as `String()` writes it. Null for null and undefined, and for anything
 * that is not a scalar (an object or a list has no text of its own, only `[object Object]`).
 */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * A field value as text for keys and lookups by value: '' for none, a scalar as `scalarText`
 * writes it, anything else (never a key or a code a service returns) as JSON rather than
 * `[object Object]`.
 */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return scalarText(value) ?? (typeof value === 'bigint' ? value.toString() : JSON.stringify(value));
}
