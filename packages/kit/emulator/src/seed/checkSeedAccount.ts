import { ACCOUNT_COLUMNS, isAccountColumn } from './accountSeedColumns.js';
import type { SeedAccount } from './emulatorSeedSchema.js';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Whether the schema would accept this value for the column (a stricter check is allowed). */
function acceptable(column: keyof typeof ACCOUNT_COLUMNS, value: unknown): boolean {
  const definition = ACCOUNT_COLUMNS[column];
  switch (definition.kind) {
    case 'primarykey':
      return typeof value === 'string' && GUID.test(value);
    case 'lookup':
      return value === null || (typeof value === 'string' && GUID.test(value));
    case 'string':
      return value === null || (typeof value === 'string' && value.length <= (definition.maxLength ?? Infinity));
    case 'integer':
      return (
        value === null || (Number.isSafeInteger(value) && inRange(value as number, definition.min, definition.max))
      );
    case 'money':
      return value === null || (Number.isFinite(value) && inRange(value as number, definition.min, definition.max));
    case 'boolean':
      return value === null || typeof value === 'boolean';
    case 'picklist':
      return value === null || Number.isSafeInteger(value);
    case 'state':
      return Number.isSafeInteger(value) && Object.hasOwn(definition.options ?? {}, value as number);
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'version':
      return Number.isSafeInteger(value) && (value as number) >= 0;
  }
}

/**
 * The fast path of seed validation, for seeds of a million accounts: a row of plain column
 * values the schema would accept is returned as it is (or without its annotations and
 * unmodelled columns); anything else (a currency link, a doubtful value) returns undefined
 * and goes through the zod schema, which words the problem.
 */
export function checkSeedAccount(row: unknown): SeedAccount | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
  let extra = false;
  for (const key in row) {
    if (!Object.hasOwn(row, key)) continue;
    const value = (row as Record<string, unknown>)[key];
    if (!isAccountColumn(key)) {
      if (key === 'transactioncurrencyid') return undefined;
      extra = true;
      continue;
    }
    if (value === undefined) {
      extra = true;
      continue;
    }
    if (!acceptable(key, value)) return undefined;
  }
  if (!extra) return row;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (value !== undefined && isAccountColumn(key)) copy[key] = value;
  return copy;
}
