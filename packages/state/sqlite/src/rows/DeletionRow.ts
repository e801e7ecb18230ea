import type { RecordDeletion } from '@p2c/core';

/** A `record_deletions` row as SQLite returns it. */
export interface DeletionRow {
  task_id: string;
  source_id: string;
  key: string | null;
}

export function toRecordDeletion(row: DeletionRow): RecordDeletion {
  return { taskId: row.task_id, sourceId: row.source_id, key: row.key };
}
