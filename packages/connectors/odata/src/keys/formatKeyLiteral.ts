import { ConfigError } from '@p2c/core';
import { isGuid, type Guid } from './Guid.js';

export type KeyValue = string | number | boolean | null | Guid;

/**
 * Writes a value as an OData v4 literal, for keys and `$filter`: strings quoted with embedded
 * quotes doubled (`'O''Brien'`), numbers and booleans bare, `null`, GUIDs (see `guid()`) bare.
 * The result is not URL-encoded; `formatEntityKey` and `buildQueryString` do that.
 */
export function formatKeyLiteral(value: KeyValue): string {
  if (value === null) return 'null';
  if (isGuid(value)) return value.value;
  switch (typeof value) {
    case 'string':
      return `'${value.replaceAll("'", "''")}'`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        throw new ConfigError(`A key or filter value must be a finite number, got ${value}`, {
          code: 'ODATA_INVALID_LITERAL',
        });
      }
      return String(value);
    default:
      throw new ConfigError(`Unsupported literal type: ${typeof value}`, { code: 'ODATA_INVALID_LITERAL' });
  }
}
