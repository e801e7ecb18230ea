import { isBlank, type NamedTransform } from '@p2c/core';

/** F&O's "no date": an empty date field reads as 1900-01-01. */
const NO_DATE = '1900-01-01';

/**
 * The calendar date of an F&O date-time (`2026-03-01T12:00:00Z` → `2026-03-01`), as F&O keeps
 * it (no time-zone shift); F&O's empty date (1900-01-01) is blank.
 */
export const dateOnly: NamedTransform = (value) => {
  if (isBlank(value)) return null;
  const date = String(value).trim().slice(0, 10);
  return date === NO_DATE ? null : date;
};
