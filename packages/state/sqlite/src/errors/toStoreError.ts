import Database from 'better-sqlite3';
import { FatalError, TransientError, isP2cError } from '@p2c/core';

/**
 * Gives SQLite's errors p2c's taxonomy: a lock held past the busy timeout may clear (another
 * process is writing), anything else means the store is broken. Other errors pass unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (isP2cError(error) || !(error instanceof Database.SqliteError)) return error;
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
