import {
  countsOf,
  RUN_COUNT_NAMES,
  type RunCountName,
  type RunCounts,
  type RunMode,
  type RunRecord,
  type RunStatus,
} from '@p2c/core';

/** The `runs` column that holds a count: `keysGenerated` is `keys_generated_count`. */
export function countColumn(name: RunCountName): string {
  return `${name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_count`;
}

/**
 * A `runs` row as `RUN_COLUMNS` selects it (mode and status are held to their values by CHECKs):
 * each count under its name in `RunCounts`.
 */
export interface RunRow extends RunCounts {
  id: string;
  template_id: string;
  mode: RunMode;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  message: string | null;
}

export const RUN_COLUMNS = [
  'id, template_id, mode, status, started_at, finished_at',
  ...RUN_COUNT_NAMES.map((name) => `${countColumn(name)} AS "${name}"`),
  'message',
].join(', ');

export function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    templateId: row.template_id,
    mode: row.mode,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: countsOf((name) => row[name]),
    message: row.message,
  };
}
