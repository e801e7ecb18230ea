/** A value as a failure message shows it: JSON, short. */
export function describeValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
