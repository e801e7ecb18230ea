import { fieldText } from '@p2c/core';

type Row = Readonly<Record<string, unknown>>;

/** F&O returns `dataAreaId` in lower case; ids spell it so too, whatever the request said. */
function isCompanyField(field: string): boolean {
  return field.toLowerCase() === 'dataareaid';
}

/** A row's id: its key values in key order, joined with `|` (e.g. `usmf|ACC-01000-X`). */
export function formatRecordId(row: Row, keyFields: readonly string[]): string {
  return keyFields
    .map((field) => {
      const value = fieldText(row[field]);
      return isCompanyField(field) ? value.toLowerCase() : value;
    })
    .join('|');
}

/**
 * The key values an id names, in key order; null when it has too few parts. Only the last key
 * field may itself hold a `|` (it takes the rest of the id).
 */
export function parseRecordId(id: string, keyFields: readonly string[]): string[] | null {
  const parts = id.split('|');
  if (parts.length < keyFields.length || keyFields.length === 0) return null;
  const head = parts.slice(0, keyFields.length - 1);
  return [...head, parts.slice(keyFields.length - 1).join('|')];
}

/** F&O compares keys without regard to case (its SQL collation); so do ids. */
export function comparableRecordId(id: string): string {
  return id.toUpperCase();
}
