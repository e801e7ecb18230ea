import type { Checkpoint, KeyHolder } from '../connectors/index.js';
import type { NaturalKey } from '../runner/naturalKey/NaturalKey.js';
import type {
  LockOwner,
  ParentStatus,
  PendingRecord,
  RecordDeletion,
  RecordExclusion,
  RecordFailure,
  RecordKeyChange,
  RunCounts,
  RunMode,
  RunRecord,
  RunStatus,
} from './RunRecord.js';

/**
 * A record's outcome as a page commits it: `key` as read, for people (the history shows it);
 * `naturalKey` the same key as the runner indexes and compares it (null without a key), which
 * a store keeps and looks up as given.
 */
export type Keyed<T extends { key: string | null }> = T & { naturalKey: NaturalKey | null };

/**
 * Everything one page of a task leaves behind, stored atomically. Every natural key a store
 * looks records up by comes here as a `NaturalKey` (`naturalKey`, `synced`): a store stores and
 * compares it as given and never normalises a key itself.
 */
export interface PageCommit {
  runId: string;
  /** `<template id>/<task id>`. */
  taskKey: string;
  /** What this page adds to the run's counts. */
  counts: Partial<RunCounts>;
  /** Recorded in the run's history, and kept as pending (attempts + 1) until they succeed. */
  failures: Keyed<RecordFailure>[];
  /** Source ids that succeeded (written or unchanged): no longer pending. */
  succeeded: string[];
  /** Records deleted in the source, listed in the run's history; no longer pending. */
  deleted: RecordDeletion[];
  /** Destination keys now holding these values (hash of the row written or found unchanged). */
  written: { key: string; hash: string }[];
  /** Records the task's filters left out: listed in the run's history; no longer pending; children of their keys are left out too. */
  excluded?: Keyed<RecordExclusion>[];
  /** Natural keys of the records that succeeded: later tasks find their parents by them. */
  synced?: NaturalKey[];
  /**
   * Records left out only because their parent was: kept pending (not in the history's
   * failures) and read again each run, so a line whose quote becomes Active later is synced then.
   */
  parked?: Keyed<{ sourceId: string; key: string | null; code: string; message: string }>[];
  /**
   * The natural key each record that succeeded is now synced under, by source id: the next
   * run tells by it that a record's key changed (`findSyncedKeys`).
   */
  syncedRecords?: SyncedRecord[];
  /** Records synced under another key before: listed in the run's history. */
  keyChanges?: RecordKeyChange[];
  /** Advance the task's checkpoint to this; null leaves it where it is. */
  checkpoint: Checkpoint | null;
}

/** The natural key a source record was last synced under: as read (for people) and as indexed. */
export interface SyncedRecord {
  sourceId: string;
  key: string;
  naturalKey: NaturalKey;
}

export interface SequenceReservation {
  value: string;
  /** The owner already held this value from an earlier, unfinished attempt. */
  reused: boolean;
}

/**
 * Where p2c keeps what must outlive a process: runs and their failures, checkpoints, hashes
 * of what was written, the natural-key index, and number sequences.
 *
 * Every method is one transaction and async, so a store can live in another process or on
 * another machine (SQLite is the embedded default; PostgreSQL comes next). Nothing here may
 * hold a secret.
 */
export interface StateStore {
  startRun(input: { templateId: string; mode: RunMode }): Promise<RunRecord>;
  /** Outcomes, hashes and the checkpoint of one page, all or nothing. */
  commitPage(commit: PageCommit): Promise<void>;
  finishRun(
    runId: string,
    outcome: { status: Exclude<RunStatus, 'Running'>; message?: string | null },
  ): Promise<RunRecord>;
  /** Marks runs still `Running` for a template as `Interrupted` (their process is gone). */
  markInterrupted(templateId: string): Promise<number>;
  getRun(runId: string): Promise<RunRecord | null>;
  listRuns(options: { limit: number; templateId?: string }): Promise<RunRecord[]>;
  listFailures(runId: string, options: { limit: number }): Promise<RecordFailure[]>;

  listDeletions(runId: string, options: { limit: number }): Promise<RecordDeletion[]>;
  listExclusions(runId: string, options: { limit: number }): Promise<RecordExclusion[]>;
  /** The records of the run whose natural key had changed since they were last synced, in the order stored. */
  listKeyChanges(runId: string, options: { limit: number }): Promise<RecordKeyChange[]>;

  /**
   * The natural key each of the task's source records was last synced under (as pages committed
   * it in `syncedRecords`); ids never synced are left out of the map.
   */
  findSyncedKeys(taskKey: string, sourceIds: readonly string[]): Promise<Map<string, SyncedRecord>>;

  /**
   * Where each natural key (in the form pages commit it, compared as given) stands among the
   * given tasks: synced or left out by the latest outcome in one of them (the first in
   * `taskKeys` order that knows the key wins), else failing there (pending, not skipped); keys
   * no task knows are left out of the map.
   */
  findParents(taskKeys: readonly string[], keys: readonly string[]): Promise<Map<string, ParentStatus>>;

  getCheckpoint(taskKey: string): Promise<Checkpoint | null>;
  /** Forgets the task's checkpoint, so its next run reads everything. */
  clearCheckpoint(taskKey: string): Promise<void>;

  /** Records of the task that failed and have not succeeded since, oldest first; skipped ones only when asked. */
  listPending(taskKey: string, options: { limit: number; includeSkipped?: boolean }): Promise<PendingRecord[]>;
  /** Marks pending records skipped: runs stop retrying them. Returns how many were marked. */
  skipPending(taskKey: string, sourceIds: readonly string[]): Promise<number>;

  /**
   * Takes the run lock `name` for `owner` when nobody holds it or the holder's lease (ttlMs from
   * its last renewal) has run out. Otherwise says who holds it.
   */
  acquireLock(
    name: string,
    owner: LockOwner,
    ttlMs: number,
  ): Promise<{ acquired: true } | { acquired: false; holder: LockOwner }>;
  /** Extends the lease; false when `ownerId` no longer holds the lock. */
  renewLock(name: string, ownerId: string, ttlMs: number): Promise<boolean>;
  releaseLock(name: string, ownerId: string): Promise<void>;
  /** Removes the lock of a holder known to be dead (its process is gone); false when another holds it now. */
  breakLock(name: string, holderId: string): Promise<boolean>;
  /** The stored hash per destination key, for the keys that have one. */
  getHashes(taskKey: string, keys: readonly string[]): Promise<Map<string, string>>;

  /** The natural-key index: which source record holds which key (keys compared as given). */
  clearKeyIndex(scope: string): Promise<void>;
  putKeys(scope: string, holders: readonly KeyHolder[]): Promise<void>;
  /** Keys held by two or more records, with their holders; only among `keys` when given. */
  findDuplicateKeys(scope: string, keys?: readonly string[]): Promise<Map<string, string[]>>;

  /**
   * Reserves the next value of a sequence for `ownerId`, or returns the value it already
   * reserved and has not confirmed (a crash between reserving and writing back reuses it).
   * `render` turns the counter into the value; the counter starts at `start`.
   */
  reserveSequenceValue(
    sequence: string,
    ownerId: string,
    start: number,
    render: (counter: number) => string,
  ): Promise<SequenceReservation>;
  /** The value now stands in the source: it is spent and never handed out again. */
  confirmSequenceValue(sequence: string, ownerId: string): Promise<void>;

  close(): Promise<void>;
}
