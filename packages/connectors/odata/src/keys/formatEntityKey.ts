import { ConfigError, RecordError } from '@p2c/core';
import { formatKeyLiteral, type KeyValue } from './formatKeyLiteral.js';
import { isGuid, type Guid } from './Guid.js';

export type EntityKey = string | number | Guid | Readonly<Record<string, string | number | boolean | Guid>>;

/**
 * The key segment that follows an entity set name, ready for a URL path:
 * - `'ACC-1'` -> `('ACC-1')`, `42` -> `(42)`, `guid(id)` -> `(<id>)` (Dataverse primary keys);
 * - `{ accountnumber: "O'Brien" }` -> `(accountnumber='O''Brien')` (alternate keys);
 * - `{ dataAreaId: 'usmf', CustomerAccount: 'X' }` -> `(dataAreaId='usmf',CustomerAccount='X')` (F&O).
 * Property order is kept. Characters unsafe in a path (space, `/`, `?`, `#`, `%`, `&`, `+`, non-ASCII)
 * are percent-encoded; quotes and parentheses stay readable.
 */
export function formatEntityKey(key: EntityKey): string {
  if (typeof key === 'string' || typeof key === 'number' || isGuid(key)) {
    return `(${encodeLiteral(key)})`;
  }
  const entries = Object.entries(key);
  if (entries.length === 0) {
    throw new ConfigError('An entity key needs at least one property', { code: 'ODATA_EMPTY_KEY' });
  }
  const parts = entries.map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new ConfigError(`Not a valid key property name: '${name}'`, { code: 'ODATA_INVALID_KEY_NAME' });
    }
    return `${name}=${encodeLiteral(value)}`;
  });
  return `(${parts.join(',')})`;
}

function encodeLiteral(value: KeyValue): string {
  const literal = formatKeyLiteral(value);
  try {
    // encodeURIComponent leaves ' ( ) unescaped, so literals stay legible.
    return encodeURIComponent(literal);
  } catch {
    // Half a surrogate pair has no UTF-8 form, so no URL can name it: that record fails alone.
    throw new RecordError(
      `The key ${JSON.stringify(literal)} holds half of a UTF-16 surrogate pair, which no URL can carry`,
      {
        code: 'KEY_NOT_ENCODABLE',
        value: literal,
      },
    );
  }
}
