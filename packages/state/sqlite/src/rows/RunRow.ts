import type { RunMode, RunRecord, RunStatus } from '@p2c/core';

/** A `runs` row as SQLite returns it (mode and status are held to their values by CHECKs). */
export interface RunRow {
  id: string;
  template_id: string;
  mode: RunMode;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  read_count: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  failed_count: number;
  keys_generated_count: number;
  deleted_count: number;
  filtered_count: number;
  waiting_count: number;
  retried_count: number;
  message: string | null;
}

export const RUN_COLUMNS =
  'id, template_id, mode, status, started_at, finished_at, read_count, created_count, updated_count, ' +
  'unchanged_count, failed_count, keys_generated_count, deleted_count, filtered_count, waiting_count, retried_count, message';

export function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    templateId: row.template_id,
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: {
      read: row.read_count,
      created: row.created_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      failed: row.failed_count,
      keysGenerated: row.keys_generated_count,
      deleted: row.deleted_count,
      filtered: row.filtered_count,
      waiting: row.waiting_count,
      retried: row.retried_count,
    },
    message: row.message,
  };
}
