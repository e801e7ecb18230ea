import Database from 'better-sqlite3';
import { FatalError, TransientError, isP2cError } from '@p2c/core';

/** What to do about an SQLite error when opening the file at `path`, by its code. */
function fixFor(code: string, path: string): string | null {
  if (code.startsWith('SQLITE_READONLY'))
    return `The state database ${path} is read-only: give this user write access to it and its folder (p2c history reads it as it is)`;
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))
    return `The state database ${path} is not a readable SQLite database (corrupt, or another file): restore it from a backup, or move it aside to start afresh (every task then reads everything again)`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `The state database ${path} cannot be opened: check that it is a file (not a folder) this user may read and write, in a folder that exists`;
  if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH'))
    return `The state database ${path} may not be opened by this user: give it access to the file and its folder`;
  return null;
}

/**
 * Gives SQLite's errors p2c's taxonomy: a lock held past the busy timeout may clear (another
 * process is writing), anything else means the store is broken. With the file's `path` (when
 * opening it), the message names it and says what to do. Other errors pass unchanged.
 */
export function toStoreError(error: unknown, path?: string): unknown {
  if (isP2cError(error) || !(error instanceof Database.SqliteError)) return error;
  const fix = path === undefined ? null : fixFor(error.code, path);
  if (fix !== null) {
    return new FatalError(`${fix}. (${error.code}: ${error.message})`, { code: 'STATE_STORE_FAILED', cause: error });
  }
  if (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED')) {
    return new TransientError(`The state database is busy: ${error.message}`, {
      code: 'STATE_STORE_BUSY',
      cause: error,
    });
  }
  return new FatalError(`The state database failed (${error.code}): ${error.message}`, {
    code: 'STATE_STORE_FAILED',
    cause: error,
  });
}
