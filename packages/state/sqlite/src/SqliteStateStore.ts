import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  ConfigError,
  emptyCounts,
  FatalError,
  RUN_COUNT_NAMES,
  type Checkpoint,
  type KeyHolder,
  type LockOwner,
  type PageCommit,
  type ParentStatus,
  type PendingRecord,
  type RecordDeletion,
  type RecordExclusion,
  type RecordFailure,
  type RecordKeyChange,
  type RunMode,
  type RunRecord,
  type RunStatus,
  type SequenceReservation,
  type StateStore,
  type SyncedRecord,
} from '@p2c/core';
import { toStoreError } from './errors/toStoreError.js';
import { toRecordDeletion } from './rows/DeletionRow.js';
import { toRecordExclusion } from './rows/ExclusionRow.js';
import { toRecordFailure } from './rows/FailureRow.js';
import { toRecordKeyChange, toSyncedRecord } from './rows/KeyChangeRow.js';
import { toLockOwner } from './rows/LockRow.js';
import { toPendingRecord } from './rows/PendingRow.js';
import { toRunRecord } from './rows/RunRow.js';
import { migrate } from './schema/migrate.js';
import { migrations } from './schema/migrations.js';
import { prepareStatements, type Statements } from './statements/prepareStatements.js';

export interface SqliteStateStoreOptions {
  /** The clock for every timestamp the store writes; tests pin it. */
  now?: () => Date;
  /** How long to wait for another process's write lock before giving up (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * Only read (`p2c history`): the file is opened read-only, so a file the user may not write
   * still reads; nothing is created or migrated, and a missing file reads as an empty store.
   */
  readOnly?: boolean;
}

/** A run of counters that all render to taken values means `render` ignores the counter. */
const MAX_COLLISIONS = 1000;

/** The state file's folder, made if needed; a file in the way is a wrong `state` path. */
function makeFolderFor(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new ConfigError(
      `The state database ${path} cannot be created: its folder ${dirname(path)} cannot be made (${code}; a file may be in the way). Point the state path at a file in a folder p2c may write.`,
      { code: 'STATE_PATH_INVALID', cause: error },
    );
  }
}

/** A read-only store cannot migrate: its schema must already be this p2c's. */
function checkSchemaReadable(db: Database.Database, path: string): void {
  const latest = migrations.reduce((max, step) => Math.max(max, step.version), 0);
  const current =
    db.prepare<[], { version: number | null }>('SELECT max(version) AS version FROM schema_migrations').get()
      ?.version ?? 0;
  if (current !== latest) {
    throw new FatalError(
      `The state database ${path} is at schema version ${current} and this p2c reads version ${latest}; run a command that writes (p2c run) with write access to it first.`,
      { code: 'STATE_SCHEMA_MISMATCH' },
    );
  }
}

function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(
      `A lock's time to live must be a whole number of milliseconds above zero, got ${String(ttlMs)}.`,
    );
  }
}

function lease(now: Date, ttlMs: number): { at: string; expiresAt: string } {
  return { at: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
}

/**
 * The embedded state store: one SQLite file (or `:memory:`), WAL journal, every method one
 * transaction. Several processes may open the same file; writers wait up to the busy timeout.
 */
export class SqliteStateStore implements StateStore {
  readonly #db: Database.Database;
  readonly #sql: Statements;
  readonly #now: () => Date;

  private constructor(db: Database.Database, now: () => Date) {
    this.#db = db;
    this.#now = now;
    this.#sql = prepareStatements(db);
  }

  /** Opens (creating if needed) the store at `path`, or a private in-memory one for `':memory:'`. */
  static async open(path: string, options: SqliteStateStoreOptions = {}): Promise<SqliteStateStore> {
    const now = options.now ?? (() => new Date());
    const inMemory = path === ':memory:' || path === '';
    const readOnly = options.readOnly === true && !inMemory && existsSync(path);
    if (!inMemory && !options.readOnly) makeFolderFor(path);
    let db: Database.Database;
    try {
      db = readOnly
        ? new Database(path, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 })
        : new Database(options.readOnly ? ':memory:' : path, { timeout: options.busyTimeoutMs ?? 5000 });
    } catch (error) {
      throw toStoreError(error, path);
    }
    try {
      if (!readOnly) {
        db.pragma('journal_mode = WAL');
        // Safe with WAL: a power cut may lose the last commits, never corrupt the file.
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('foreign_keys = ON');
      if (readOnly) checkSchemaReadable(db, path);
      else migrate(db, migrations, now);
      return new SqliteStateStore(db, now);
    } catch (error) {
      db.close();
      throw toStoreError(error, path);
    }
  }

  async startRun(input: { templateId: string; mode: RunMode }): Promise<RunRecord> {
    return this.#write(() => {
      const id = randomUUID();
      this.#sql.insertRun.run({ id, templateId: input.templateId, mode: input.mode, startedAt: this.#timestamp() });
      return this.#requireRun(id);
    });
  }

  async commitPage(commit: PageCommit): Promise<void> {
    const counts = { runId: commit.runId, ...emptyCounts() };
    for (const field of RUN_COUNT_NAMES) {
      const value = commit.counts[field] ?? 0;
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`Count "${field}" must be a whole number of zero or more, got ${String(value)}.`);
      }
      counts[field] = value;
    }
    this.#write(() => {
      if (this.#sql.addCounts.run(counts).changes === 0) this.#throwNotRunning(commit.runId);
      const failedAt = this.#timestamp();
      for (const failure of commit.failures) {
        this.#sql.insertFailure.run(
          commit.runId,
          failure.taskId,
          failure.sourceId,
          failure.key,
          failure.code,
          failure.message,
        );
        const { sourceId, key, naturalKey: normKey, code, message } = failure;
        this.#sql.putPending.run({ taskKey: commit.taskKey, sourceId, key, normKey, code, message, failedAt });
      }
      // After the failures: an id in both lists ends the page not pending.
      if (commit.succeeded.length > 0) this.#sql.deletePending.run(commit.taskKey, JSON.stringify(commit.succeeded));
      for (const deletion of commit.deleted) {
        this.#sql.insertDeletion.run(commit.runId, deletion.taskId, deletion.sourceId, deletion.key);
      }
      if (commit.deleted.length > 0) {
        this.#sql.deletePending.run(
          commit.taskKey,
          JSON.stringify(commit.deleted.map((deletion) => deletion.sourceId)),
        );
      }
      const excluded = commit.excluded ?? [];
      for (const exclusion of excluded) {
        const { taskId, sourceId, key, rule, reason } = exclusion;
        this.#sql.insertExclusion.run(commit.runId, taskId, sourceId, key, rule, reason);
      }
      if (excluded.length > 0) {
        this.#sql.deletePending.run(commit.taskKey, JSON.stringify(excluded.map((exclusion) => exclusion.sourceId)));
      }
      for (const { sourceId, key, naturalKey: normKey, code, message } of commit.parked ?? []) {
        this.#sql.putPending.run({ taskKey: commit.taskKey, sourceId, key, normKey, code, message, failedAt });
      }
      for (const { naturalKey } of excluded)
        if (naturalKey !== null) this.#sql.putSyncedKey.run(commit.taskKey, naturalKey, 'excluded');
      for (const key of commit.synced ?? []) this.#sql.putSyncedKey.run(commit.taskKey, key, 'synced');
      for (const { taskId, sourceId, oldKey, newKey, action } of commit.keyChanges ?? [])
        this.#sql.insertKeyChange.run(commit.runId, taskId, sourceId, oldKey, newKey, action);
      for (const { sourceId, key, naturalKey } of commit.syncedRecords ?? [])
        this.#sql.putSyncedRecord.run(commit.taskKey, sourceId, key, naturalKey);
      for (const { key, hash } of commit.written) this.#sql.putHash.run(commit.taskKey, key, hash);
      if (commit.checkpoint !== null) {
        this.#sql.putCheckpoint.run(commit.taskKey, JSON.stringify(commit.checkpoint), this.#timestamp());
      }
    });
  }

  async finishRun(
    runId: string,
    outcome: { status: Exclude<RunStatus, 'Running'>; message?: string | null },
  ): Promise<RunRecord> {
    return this.#write(() => {
      const params = { runId, status: outcome.status, finishedAt: this.#timestamp(), message: outcome.message ?? null };
      if (this.#sql.finishRun.run(params).changes === 0) this.#throwNotRunning(runId);
      return this.#requireRun(runId);
    });
  }

  async markInterrupted(templateId: string): Promise<number> {
    return this.#write(() => this.#sql.markInterrupted.run({ templateId, finishedAt: this.#timestamp() }).changes);
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    return this.#read(() => {
      const row = this.#sql.getRun.get(runId);
      return row === undefined ? null : toRunRecord(row);
    });
  }

  async listRuns(options: { limit: number; templateId?: string }): Promise<RunRecord[]> {
    return this.#read(() => {
      const rows =
        options.templateId === undefined
          ? this.#sql.listRuns.all(options.limit)
          : this.#sql.listRunsOfTemplate.all(options.templateId, options.limit);
      return rows.map(toRunRecord);
    });
  }

  async listFailures(runId: string, options: { limit: number }): Promise<RecordFailure[]> {
    return this.#read(() => this.#sql.listFailures.all(runId, options.limit).map(toRecordFailure));
  }

  async listDeletions(runId: string, options: { limit: number }): Promise<RecordDeletion[]> {
    return this.#read(() => this.#sql.listDeletions.all(runId, options.limit).map(toRecordDeletion));
  }

  async listExclusions(runId: string, options: { limit: number }): Promise<RecordExclusion[]> {
    return this.#read(() => this.#sql.listExclusions.all(runId, options.limit).map(toRecordExclusion));
  }

  async listKeyChanges(runId: string, options: { limit: number }): Promise<RecordKeyChange[]> {
    return this.#read(() => this.#sql.listKeyChanges.all(runId, options.limit).map(toRecordKeyChange));
  }

  async findSyncedKeys(taskKey: string, sourceIds: readonly string[]): Promise<Map<string, SyncedRecord>> {
    if (sourceIds.length === 0) return new Map();
    return this.#read(() => {
      const rows = this.#sql.syncedRecordsAmong.all(taskKey, JSON.stringify(sourceIds));
      return new Map(rows.map((row) => [row.source_id, toSyncedRecord(row)]));
    });
  }

  async findParents(taskKeys: readonly string[], keys: readonly string[]): Promise<Map<string, ParentStatus>> {
    const found = new Map<string, ParentStatus>();
    if (keys.length === 0) return found;
    return this.#read(() => {
      for (const taskKey of taskKeys) {
        const open = keys.filter((key) => !found.has(key));
        if (open.length === 0) break;
        for (const row of this.#sql.syncedKeysAmong.all(taskKey, JSON.stringify(open)))
          found.set(row.key, { state: row.state, taskKey });
      }
      for (const taskKey of taskKeys) {
        const open = keys.filter((key) => !found.has(key));
        if (open.length === 0) break;
        for (const row of this.#sql.failingKeysAmong.all(taskKey, JSON.stringify(open))) {
          found.set(row.norm_key, { state: 'failed', taskKey, code: row.code, message: row.message });
        }
      }
      return found;
    });
  }

  async getCheckpoint(taskKey: string): Promise<Checkpoint | null> {
    return this.#read(() => {
      const text = this.#sql.getCheckpoint.get(taskKey);
      // Only this store writes the column, always from a Checkpoint, and a CHECK keeps it JSON.
      return text === undefined ? null : (JSON.parse(text) as Checkpoint);
    });
  }

  async clearCheckpoint(taskKey: string): Promise<void> {
    this.#write(() => {
      this.#sql.deleteCheckpoint.run(taskKey);
    });
  }

  async listPending(taskKey: string, options: { limit: number; includeSkipped?: boolean }): Promise<PendingRecord[]> {
    const params = { taskKey, includeSkipped: options.includeSkipped === true ? 1 : 0, limit: options.limit } as const;
    return this.#read(() => this.#sql.listPending.all(params).map(toPendingRecord));
  }

  async skipPending(taskKey: string, sourceIds: readonly string[]): Promise<number> {
    if (sourceIds.length === 0) return 0;
    return this.#write(() => this.#sql.skipPending.run(taskKey, JSON.stringify(sourceIds)).changes);
  }

  async acquireLock(
    name: string,
    owner: LockOwner,
    ttlMs: number,
  ): Promise<{ acquired: true } | { acquired: false; holder: LockOwner }> {
    checkTtl(ttlMs);
    // One immediate transaction: no other process can take the lock between the look and the take.
    return this.#write(() => {
      const now = this.#now();
      const held = this.#sql.getLock.get(name);
      if (held !== undefined && held.owner_id !== owner.id && Date.parse(held.expires_at) >= now.getTime()) {
        return { acquired: false, holder: toLockOwner(held) };
      }
      this.#sql.putLock.run({
        name,
        ownerId: owner.id,
        host: owner.host,
        pid: owner.pid,
        processStart: owner.processStart ?? null,
        ...lease(now, ttlMs),
      });
      return { acquired: true };
    });
  }

  async renewLock(name: string, ownerId: string, ttlMs: number): Promise<boolean> {
    checkTtl(ttlMs);
    return this.#write(() => this.#sql.renewLock.run({ name, ownerId, ...lease(this.#now(), ttlMs) }).changes > 0);
  }

  async releaseLock(name: string, ownerId: string): Promise<void> {
    this.#write(() => {
      this.#sql.deleteLock.run(name, ownerId);
    });
  }

  async breakLock(name: string, holderId: string): Promise<boolean> {
    return this.#write(() => this.#sql.deleteLock.run(name, holderId).changes > 0);
  }

  async getHashes(taskKey: string, keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    return this.#read(() => {
      const rows = this.#sql.getHashes.all(taskKey, JSON.stringify(keys));
      return new Map(rows.map((row) => [row.key, row.hash]));
    });
  }

  async clearKeyIndex(scope: string): Promise<void> {
    this.#write(() => {
      this.#sql.clearKeys.run(scope);
    });
  }

  async putKeys(scope: string, holders: readonly KeyHolder[]): Promise<void> {
    this.#write(() => {
      for (const holder of holders) {
        if (holder.key === null) this.#sql.deleteKey.run(scope, holder.id);
        else this.#sql.putKey.run(scope, holder.id, holder.key);
      }
    });
  }

  async findDuplicateKeys(scope: string, keys?: readonly string[]): Promise<Map<string, string[]>> {
    if (keys !== undefined && keys.length === 0) return new Map();
    return this.#read(() => {
      const rows =
        keys === undefined
          ? this.#sql.duplicateKeys.all({ scope })
          : this.#sql.duplicateKeysAmong.all({ scope, keys: JSON.stringify(keys) });
      const duplicates = new Map<string, string[]>();
      for (const row of rows) {
        const holders = duplicates.get(row.key);
        if (holders === undefined) duplicates.set(row.key, [row.source_id]);
        else holders.push(row.source_id);
      }
      return duplicates;
    });
  }

  async reserveSequenceValue(
    sequence: string,
    ownerId: string,
    start: number,
    render: (counter: number) => string,
  ): Promise<SequenceReservation> {
    if (!Number.isSafeInteger(start))
      throw new RangeError(`Sequence start must be a whole number, got ${String(start)}.`);
    return this.#write(() => {
      const held = this.#sql.openReservation.get(sequence, ownerId);
      if (held !== undefined) return { value: held, reused: true };

      let counter = Math.max(this.#sql.nextCounter.get(sequence) ?? start, start);
      for (let attempt = 0; ; attempt += 1, counter += 1) {
        if (attempt === MAX_COLLISIONS) {
          throw new FatalError(
            `Sequence "${sequence}" rendered ${MAX_COLLISIONS} values in a row that were already taken.`,
            {
              code: 'SEQUENCE_COLLISIONS',
            },
          );
        }
        const value = render(counter);
        if (this.#sql.valueTaken.get(sequence, value) !== undefined) continue;
        this.#sql.insertReservation.run(sequence, ownerId, value, counter, this.#timestamp());
        this.#sql.setNextCounter.run(sequence, counter + 1);
        return { value, reused: false };
      }
    });
  }

  async confirmSequenceValue(sequence: string, ownerId: string): Promise<void> {
    this.#write(() => {
      if (this.#sql.confirmReservation.run(this.#timestamp(), sequence, ownerId).changes > 0) return;
      // Confirming twice is harmless (a retry after a crash); confirming what was never reserved is a bug.
      if (this.#sql.ownerReserved.get(sequence, ownerId) === undefined) {
        throw new FatalError(`Nothing of sequence "${sequence}" was reserved for record ${ownerId}.`, {
          code: 'SEQUENCE_NOT_RESERVED',
        });
      }
    });
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }

  #requireRun(runId: string): RunRecord {
    const row = this.#sql.getRun.get(runId);
    if (row === undefined) throw new FatalError(`Run ${runId} does not exist.`, { code: 'RUN_NOT_FOUND' });
    return toRunRecord(row);
  }

  #throwNotRunning(runId: string): never {
    const run = this.#requireRun(runId);
    throw new FatalError(`Run ${runId} has already ended (${run.status}).`, { code: 'RUN_NOT_RUNNING' });
  }

  /** Takes the write lock up front, so a read-then-write never fails on a stale snapshot. */
  #write<T>(work: () => T): T {
    return this.#transact(work, 'immediate');
  }

  #read<T>(work: () => T): T {
    return this.#transact(work, 'deferred');
  }

  #transact<T>(work: () => T, mode: 'immediate' | 'deferred'): T {
    if (!this.#db.open) throw new FatalError('The state store is closed.', { code: 'STATE_STORE_CLOSED' });
    try {
      return this.#db.transaction(work)[mode]();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
