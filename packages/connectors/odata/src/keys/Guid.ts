import { ConfigError } from '@p2c/core';

/**
 * A GUID key value. OData writes GUIDs unquoted (`accounts(00000000-0000-0000-0000-000000000001)`),
 * strings quoted (`accounts(accountnumber='ACC-01000-BVRCPS')`). A string that merely looks like a
 * GUID stays a string; wrap a value with `guid()` to say it is one.
 */
export interface Guid {
  readonly kind: 'guid';
  /** Lower case, without braces. */
  readonly value: string;
}

const GUID_PATTERN = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Marks a value as a GUID (accepts braces and any case); throws ConfigError when it is not one. */
export function guid(value: string): Guid {
  const match = GUID_PATTERN.exec(value.trim());
  if (!match?.[1]) {
    throw new ConfigError(`Not a GUID: '${value}'`, { code: 'ODATA_INVALID_GUID' });
  }
  return Object.freeze({ kind: 'guid' as const, value: match[1].toLowerCase() });
}

export function isGuid(value: unknown): value is Guid {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'guid';
}
