import { isBlank, type NamedTransform } from './Transform.js';

/** The value, or when it is blank the record's `field` (a name that defaults to the number). */
export function valueOr(field: string): NamedTransform {
  return (value, { record }) => {
    if (!isBlank(value)) return value;
    const fallback = record[field];
    return typeof fallback === 'string' || typeof fallback === 'number' ? fallback : null;
  };
}
