import type { PendingRecord } from '@p2c/core';

/** A `pending_records` row as SQLite returns it (`skipped` is held to 0 or 1 by a CHECK). */
export interface PendingRow {
  source_id: string;
  key: string | null;
  code: string;
  message: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
  skipped: 0 | 1;
}

export function toPendingRecord(row: PendingRow): PendingRecord {
  return {
    sourceId: row.source_id,
    key: row.key,
    code: row.code,
    message: row.message,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
    skipped: row.skipped === 1,
  };
}
