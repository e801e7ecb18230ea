import type { RecordExclusion } from '@p2c/core';

/** A `record_exclusions` row as SQLite returns it. */
export interface ExclusionRow {
  task_id: string;
  source_id: string;
  key: string | null;
  rule: string;
  reason: string;
}

export function toRecordExclusion(row: ExclusionRow): RecordExclusion {
  return { taskId: row.task_id, sourceId: row.source_id, key: row.key, rule: row.rule, reason: row.reason };
}
