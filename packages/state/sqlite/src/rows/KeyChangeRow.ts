import type { KeyChangeAction, NaturalKey, RecordKeyChange, SyncedRecord } from '@p2c/core';

/** A `record_key_changes` row as SQLite returns it (action is held to its values by a CHECK). */
export interface KeyChangeRow {
  task_id: string;
  source_id: string;
  old_key: string;
  new_key: string;
  action: KeyChangeAction;
}

export function toRecordKeyChange(row: KeyChangeRow): RecordKeyChange {
  return { taskId: row.task_id, sourceId: row.source_id, oldKey: row.old_key, newKey: row.new_key, action: row.action };
}

/** A `synced_records` row as SQLite returns it. */
export interface SyncedRecordRow {
  source_id: string;
  key: string;
  norm_key: string;
}

export function toSyncedRecord(row: SyncedRecordRow): SyncedRecord {
  // Only commitPage writes norm_key, always from a NaturalKey, and it is given back as stored.
  return { sourceId: row.source_id, key: row.key, naturalKey: row.norm_key as NaturalKey };
}
