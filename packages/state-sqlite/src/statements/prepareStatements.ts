import type Database from 'better-sqlite3';
import type { RunMode, RunStatus } from '@p2c/core';
import type { FailureRow } from '../rows/FailureRow.js';
import { RUN_COLUMNS, type RunRow } from '../rows/RunRow.js';

export interface CountsParams {
  runId: string;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  keysGenerated: number;
}

/** Every statement the store runs, prepared once per connection. */
export interface Statements {
  insertRun: Database.Statement<{ id: string; templateId: string; mode: RunMode; startedAt: string }>;
  getRun: Database.Statement<[string], RunRow>;
  addCounts: Database.Statement<CountsParams>;
  finishRun: Database.Statement<{ runId: string; status: Exclude<RunStatus, 'Running'>; finishedAt: string; message: string | null }>;
  markInterrupted: Database.Statement<{ templateId: string; finishedAt: string }>;
  listRuns: Database.Statement<[number], RunRow>;
  listRunsOfTemplate: Database.Statement<[string, number], RunRow>;
  insertFailure: Database.Statement<[string, string, string, string | null, string, string]>;
  listFailures: Database.Statement<[string, number], FailureRow>;
  getCheckpoint: Database.Statement<[string], string>;
  putCheckpoint: Database.Statement<[string, string, string]>;
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
  // Each statement takes its parameter and row types from the Statements member it fills.
  const prepare = <S>(sql: string): S => db.prepare(sql) as S;
  // The same, for a statement that returns the first column's value instead of a row object.
  const pluck = <S>(sql: string): S => db.prepare(sql).pluck() as S;
  return {
    insertRun: prepare(
      `INSERT INTO runs (id, template_id, mode, status, started_at)
       VALUES (@id, @templateId, @mode, 'Running', @startedAt)`,
    ),
    getRun: prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`),
    addCounts: prepare(
      `UPDATE runs SET
         read_count = read_count + @read,
         created_count = created_count + @created,
         updated_count = updated_count + @updated,
         unchanged_count = unchanged_count + @unchanged,
         failed_count = failed_count + @failed,
         keys_generated_count = keys_generated_count + @keysGenerated
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

    getCheckpoint: pluck(`SELECT checkpoint FROM checkpoints WHERE task_key = ?`),
    putCheckpoint: prepare(
      `INSERT INTO checkpoints (task_key, checkpoint, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (task_key) DO UPDATE SET checkpoint = excluded.checkpoint, updated_at = excluded.updated_at`,
    ),

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
  };
}
