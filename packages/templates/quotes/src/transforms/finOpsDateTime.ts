import { RecordError, isBlank, type NamedTransform } from '@p2c/core';

const DATE = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/**
 * A Sales date (`2026-03-01`, or a date-time whose date part is taken) in F&O's date-time form,
 * at noon UTC so no time zone moves it to another day: `2026-03-01T12:00:00Z`.
 */
export const finOpsDateTime: NamedTransform = (value, { field }) => {
  if (isBlank(value)) return null;
  const match = DATE.exec(String(value).trim());
  if (!match) {
    throw new RecordError(`${field}: '${String(value)}' is not a date (expected YYYY-MM-DD)`, {
      code: 'INVALID_DATE',
      field,
      value: String(value),
    });
  }
  return `${match[1]}T12:00:00Z`;
};
