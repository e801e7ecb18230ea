import type { RecordFailure } from '@p2c/core';

/** A `record_failures` row as SQLite returns it. */
export interface FailureRow {
  task_id: string;
  source_id: string;
  key: string | null;
  code: string;
  message: string;
}

export function toRecordFailure(row: FailureRow): RecordFailure {
  return { taskId: row.task_id, sourceId: row.source_id, key: row.key, code: row.code, message: row.message };
}
