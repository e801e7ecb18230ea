import type Database from 'better-sqlite3';
import { RUN_COUNT_NAMES, type NaturalKey, type RunCounts, type RunMode, type RunStatus } from '@p2c/core';
import type { DeletionRow } from '../rows/DeletionRow.js';
import type { ExclusionRow } from '../rows/ExclusionRow.js';
import type { FailureRow } from '../rows/FailureRow.js';
import type { KeyChangeRow, SyncedRecordRow } from '../rows/KeyChangeRow.js';
import type { LockRow } from '../rows/LockRow.js';
import type { PendingRow } from '../rows/PendingRow.js';
import { countColumn, RUN_COLUMNS, type RunRow } from '../rows/RunRow.js';

/** The counts a page adds to its run, by name, and the run. */
type CountsParams = RunCounts & { runId: string };

interface FailedRecordParams {
  taskKey: string;
  sourceId: string;
  key: string | null;
  normKey: NaturalKey | null;
  code: string;
  message: string;
  failedAt: string;
}

interface LockParams {
  name: string;
  ownerId: string;
  host: string;
  pid: number;
  processStart: string | null;
  at: string;
  expiresAt: string;
}

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  insertRun: Database.Statement<{ id: string; templateId: string; mode: RunMode; startedAt: string }>;
  getRun: Database.Statement<[string], RunRow>;
  addCounts: Database.Statement<CountsParams>;
  finishRun: Database.Statement<{
    runId: string;
    status: Exclude<RunStatus, 'Running'>;
    finishedAt: string;
    message: string | null;
  }>;
  markInterrupted: Database.Statement<{ templateId: string; finishedAt: string }>;
  listRuns: Database.Statement<[number], RunRow>;
  listRunsOfTemplate: Database.Statement<[string, number], RunRow>;
  insertFailure: Database.Statement<[string, string, string, string | null, string, string]>;
  listFailures: Database.Statement<[string, number], FailureRow>;
  insertDeletion: Database.Statement<[string, string, string, string | null]>;
  listDeletions: Database.Statement<[string, number], DeletionRow>;
  insertExclusion: Database.Statement<[string, string, string, string | null, string, string]>;
  listExclusions: Database.Statement<[string, number], ExclusionRow>;
  insertKeyChange: Database.Statement<[string, string, string, string, string, string]>;
  listKeyChanges: Database.Statement<[string, number], KeyChangeRow>;
  putSyncedRecord: Database.Statement<[string, string, string, NaturalKey]>;
  /** Source ids travel as one JSON array. */
  syncedRecordsAmong: Database.Statement<[string, string], SyncedRecordRow>;
  putSyncedKey: Database.Statement<[string, NaturalKey, 'synced' | 'excluded']>;
  /** Keys travel as one JSON array. */
  syncedKeysAmong: Database.Statement<[string, string], { key: string; state: 'synced' | 'excluded' }>;
  failingKeysAmong: Database.Statement<[string, string], { norm_key: string; code: string; message: string }>;
  getCheckpoint: Database.Statement<[string], string>;
  putCheckpoint: Database.Statement<[string, string, string]>;
  deleteCheckpoint: Database.Statement<[string]>;
  putPending: Database.Statement<FailedRecordParams>;
  /** Source ids travel as one JSON array. */
  deletePending: Database.Statement<[string, string]>;
  skipPending: Database.Statement<[string, string]>;
  listPending: Database.Statement<{ taskKey: string; includeSkipped: 0 | 1; limit: number }, PendingRow>;
  getLock: Database.Statement<[string], LockRow>;
  putLock: Database.Statement<LockParams>;
  renewLock: Database.Statement<{ name: string; ownerId: string; at: string; expiresAt: string }>;
  deleteLock: Database.Statement<[string, string]>;
  putHash: Database.Statement<[string, string, string]>;
  getHashes: Database.Statement<[string, string], { key: string; hash: string }>;
  clearKeys: Database.Statement<[string]>;
  putKey: Database.Statement<[string, string, string]>;
  deleteKey: Database.Statement<[string, string]>;
  duplicateKeys: Database.Statement<{ scope: string }, { key: string; source_id: string }>;
  duplicateKeysAmong: Database.Statement<{ scope: string; keys: string }, { key: string; source_id: string }>;
  openReservation: Database.Statement<[string, string], string>;
  ownerReserved: Database.Statement<[string, string], number>;
  nextCounter: Database.Statement<[string], number>;
  valueTaken: Database.Statement<[string, string], number>;
  insertReservation: Database.Statement<[string, string, string, number, string]>;
  setNextCounter: Database.Statement<[string, number]>;
  confirmReservation: Database.Statement<[string, string, string]>;
}

export function prepareStatements(db: Database.Database): Statements {
  const prepare = (sql: string): Database.Statement => db.prepare(sql);
  // A statement that returns the first column's value instead of a row object.
  const pluck = (sql: string): Database.Statement => db.prepare(sql).pluck();
  const statements = {
    insertRun: prepare(
      `INSERT INTO runs (id, template_id, mode, status, started_at)
       VALUES (@id, @templateId, @mode, 'Running', @startedAt)`,
    ),
    getRun: prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`),
    addCounts: prepare(
      `UPDATE runs SET ${RUN_COUNT_NAMES.map((name) => `${countColumn(name)} = ${countColumn(name)} + @${name}`).join(', ')}
       WHERE id = @runId AND status = 'Running'`,
    ),
    finishRun: prepare(
      `UPDATE runs SET status = @status, finished_at = @finishedAt, message = @message
       WHERE id = @runId AND status = 'Running'`,
    ),
    markInterrupted: prepare(
      `UPDATE runs SET status = 'Interrupted', finished_at = @finishedAt
       WHERE template_id = @templateId AND status = 'Running'`,
    ),
    listRuns: prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY started_at DESC, seq DESC LIMIT ?`),
    listRunsOfTemplate: prepare(
      `SELECT ${RUN_COLUMNS} FROM runs WHERE template_id = ? ORDER BY started_at DESC, seq DESC LIMIT ?`,
    ),

    insertFailure: prepare(
      `INSERT INTO record_failures (run_id, task_id, source_id, key, code, message) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    listFailures: prepare(
      `SELECT task_id, source_id, key, code, message FROM record_failures WHERE run_id = ? ORDER BY id LIMIT ?`,
    ),

    insertDeletion: prepare(`INSERT INTO record_deletions (run_id, task_id, source_id, key) VALUES (?, ?, ?, ?)`),
    listDeletions: prepare(`SELECT task_id, source_id, key FROM record_deletions WHERE run_id = ? ORDER BY id LIMIT ?`),

    insertExclusion: prepare(
      `INSERT INTO record_exclusions (run_id, task_id, source_id, key, rule, reason) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    listExclusions: prepare(
      `SELECT task_id, source_id, key, rule, reason FROM record_exclusions WHERE run_id = ? ORDER BY id LIMIT ?`,
    ),
    insertKeyChange: prepare(
      `INSERT INTO record_key_changes (run_id, task_id, source_id, old_key, new_key, action) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    listKeyChanges: prepare(
      `SELECT task_id, source_id, old_key, new_key, action FROM record_key_changes WHERE run_id = ? ORDER BY id LIMIT ?`,
    ),
    putSyncedRecord: prepare(
      `INSERT INTO synced_records (task_key, source_id, key, norm_key) VALUES (?, ?, ?, ?)
       ON CONFLICT (task_key, source_id) DO UPDATE SET key = excluded.key, norm_key = excluded.norm_key`,
    ),
    syncedRecordsAmong: prepare(
      `SELECT source_id, key, norm_key FROM synced_records
       WHERE task_key = ? AND source_id IN (SELECT value FROM json_each(?))`,
    ),
    putSyncedKey: prepare(
      `INSERT INTO synced_keys (task_key, key, state) VALUES (?, ?, ?)
       ON CONFLICT (task_key, key) DO UPDATE SET state = excluded.state`,
    ),
    syncedKeysAmong: prepare(
      `SELECT key, state FROM synced_keys WHERE task_key = ? AND key IN (SELECT value FROM json_each(?))`,
    ),
    failingKeysAmong: prepare(
      `SELECT norm_key, code, message FROM pending_records
       WHERE task_key = ? AND skipped = 0 AND norm_key IN (SELECT value FROM json_each(?))`,
    ),

    getCheckpoint: pluck(`SELECT checkpoint FROM checkpoints WHERE task_key = ?`),
    putCheckpoint: prepare(
      `INSERT INTO checkpoints (task_key, checkpoint, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (task_key) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`,
    ),

    deleteCheckpoint: prepare(`DELETE FROM checkpoints WHERE task_key = ?`),

    // A failure again keeps when it first failed and whether an operator skipped it.
    putPending: prepare(
      `INSERT INTO pending_records (task_key, source_id, key, norm_key, code, message, attempts, first_failed_at, last_failed_at)
       VALUES (@taskKey, @sourceId, @key, @normKey, @code, @message, 1, @failedAt, @failedAt)
       ON CONFLICT (task_key, source_id) DO UPDATE SET
         key = excluded.key,
         norm_key = excluded.norm_key,
         code = excluded.code,
         message = excluded.message,
         attempts = attempts + 1,
         last_failed_at = excluded.last_failed_at`,
    ),
    deletePending: prepare(
      `DELETE FROM pending_records WHERE task_key = ? AND source_id IN (SELECT value FROM json_each(?))`,
    ),
    skipPending: prepare(
      `UPDATE pending_records SET skipped = 1
       WHERE task_key = ? AND skipped = 0 AND source_id IN (SELECT value FROM json_each(?))`,
    ),
    listPending: prepare(
      `SELECT source_id, key, code, message, attempts, first_failed_at, last_failed_at, skipped
       FROM pending_records
       WHERE task_key = @taskKey AND (@includeSkipped = 1 OR skipped = 0)
       ORDER BY first_failed_at, id
       LIMIT @limit`,
    ),

    getLock: prepare(`SELECT owner_id, host, pid, process_start, expires_at FROM run_locks WHERE name = ?`),
    // The same owner taking it again renews it and keeps when it was first taken.
    putLock: prepare(
      `INSERT INTO run_locks (name, owner_id, host, pid, process_start, acquired_at, renewed_at, expires_at)
       VALUES (@name, @ownerId, @host, @pid, @processStart, @at, @at, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET
         acquired_at = CASE WHEN owner_id = excluded.owner_id THEN acquired_at ELSE excluded.acquired_at END,
         owner_id = excluded.owner_id,
         host = excluded.host,
         pid = excluded.pid,
         process_start = excluded.process_start,
         renewed_at = excluded.renewed_at,
         expires_at = excluded.expires_at`,
    ),
    renewLock: prepare(
      `UPDATE run_locks SET renewed_at = @at, expires_at = @expiresAt WHERE name = @name AND owner_id = @ownerId`,
    ),
    deleteLock: prepare(`DELETE FROM run_locks WHERE name = ? AND owner_id = ?`),

    putHash: prepare(
      `INSERT INTO row_hashes (task_key, key, hash) VALUES (?, ?, ?)
       ON CONFLICT (task_key, key) DO UPDATE SET hash = excluded.hash`,
    ),
    // Keys travel as one JSON array: no limit on host parameters, one statement for any count.
    getHashes: prepare(
      `SELECT key, hash FROM row_hashes
       WHERE task_key = ? AND key IN (SELECT value FROM json_each(?))`,
    ),

    clearKeys: prepare(`DELETE FROM key_index WHERE scope = ?`),
    putKey: prepare(
      `INSERT INTO key_index (scope, source_id, key) VALUES (?, ?, ?)
       ON CONFLICT (scope, source_id) DO UPDATE SET key = excluded.key`,
    ),
    deleteKey: prepare(`DELETE FROM key_index WHERE scope = ? AND source_id = ?`),
    duplicateKeys: prepare(
      `SELECT key, source_id FROM key_index
       WHERE scope = @scope AND key IN (
         SELECT key FROM key_index WHERE scope = @scope GROUP BY key HAVING count(*) > 1
       )
       ORDER BY key, source_id`,
    ),
    duplicateKeysAmong: prepare(
      `SELECT key, source_id FROM key_index
       WHERE scope = @scope AND key IN (
         SELECT key FROM key_index
         WHERE scope = @scope AND key IN (SELECT value FROM json_each(@keys))
         GROUP BY key HAVING count(*) > 1
       )
       ORDER BY key, source_id`,
    ),

    openReservation: pluck(`SELECT value FROM sequence_reservations WHERE name = ? AND owner_id = ? AND confirmed = 0`),
    ownerReserved: pluck(`SELECT 1 FROM sequence_reservations WHERE name = ? AND owner_id = ? LIMIT 1`),
    nextCounter: pluck(`SELECT next_value FROM sequences WHERE name = ?`),
    valueTaken: pluck(`SELECT 1 FROM sequence_reservations WHERE name = ? AND value = ?`),
    insertReservation: prepare(
      `INSERT INTO sequence_reservations (name, owner_id, value, counter, confirmed, reserved_at)
       VALUES (?, ?, ?, ?, 0, ?)`,
    ),
    setNextCounter: prepare(
      `INSERT INTO sequences (name, next_value) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET next_value = excluded.next_value`,
    ),
    confirmReservation: prepare(
      `UPDATE sequence_reservations SET confirmed = 1, confirmed_at = ?
       WHERE name = ? AND owner_id = ? AND confirmed = 0`,
    ),
  } satisfies Record<keyof Statements, Database.Statement>;
  // SQLite cannot tell TypeScript what a statement binds and returns: the SQL above is written to
  // the parameter and row types the Statements members declare.
  return statements as Statements;
}
