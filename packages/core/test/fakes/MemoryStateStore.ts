import type { Checkpoint, KeyHolder } from '../../src/connectors/index.js';
import type { NaturalKey } from '../../src/runner/index.js';
import {
  addCounts,
  emptyCounts,
  type Keyed,
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
} from '../../src/state/index.js';

/**
 * A state store in memory that counts its writes, so a test can see a dry run leave none. Same
 * semantics as the SQLite store for pending records and run locks; `now` moves lease times.
 */
export class MemoryStateStore implements StateStore {
  readonly runs = new Map<string, RunRecord>();
  readonly failures = new Map<string, RecordFailure[]>();
  readonly deletions = new Map<string, RecordDeletion[]>();
  readonly exclusions = new Map<string, RecordExclusion[]>();
  readonly keyChanges = new Map<string, RecordKeyChange[]>();
  /** The key each source record was last synced under, by task key then source id. */
  readonly syncedRecords = new Map<string, Map<string, SyncedRecord>>();
  /** The latest outcome of each natural key (normalized) that succeeded or was left out, by task key. */
  readonly synced = new Map<string, Map<string, 'synced' | 'excluded'>>();
  /** Pending records by task key, then source id; insertion order breaks ties in first failure. */
  readonly pending = new Map<string, Map<string, PendingRecord>>();
  /** The natural key of each pending record, by task and source id: parents are looked up by it. */
  readonly #pendingKeys = new Map<string, Map<string, NaturalKey | null>>();
  readonly locks = new Map<string, { owner: LockOwner; expiresAt: number }>();
  readonly checkpoints = new Map<string, Checkpoint>();
  readonly hashes = new Map<string, Map<string, string>>();
  readonly keyIndex = new Map<string, Map<string, string>>();
  readonly #sequences = new Map<string, { next: number; reserved: Map<string, string> }>();
  /** Every call that changed something, by method name. */
  readonly writes: string[] = [];
  readonly #now: () => Date;

  constructor(options: { now?: () => Date } = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async startRun(input: { templateId: string; mode: RunMode }): Promise<RunRecord> {
    this.writes.push('startRun');
    const run: RunRecord = {
      id: `run-${this.runs.size + 1}`,
      ...input,
      status: 'Running',
      startedAt: this.#now().toISOString(),
      finishedAt: null,
      counts: emptyCounts(),
      message: null,
    };
    this.runs.set(run.id, run);
    return { ...run };
  }

  async commitPage(commit: PageCommit): Promise<void> {
    this.writes.push('commitPage');
    const run = this.runs.get(commit.runId);
    if (!run) throw new Error(`no run ${commit.runId}`);
    run.counts = addCounts(run.counts, commit.counts);
    this.failures.set(commit.runId, [...(this.failures.get(commit.runId) ?? []), ...commit.failures.map(shownFailure)]);
    this.deletions.set(commit.runId, [...(this.deletions.get(commit.runId) ?? []), ...commit.deleted]);
    this.exclusions.set(commit.runId, [
      ...(this.exclusions.get(commit.runId) ?? []),
      ...(commit.excluded ?? []).map(shownExclusion),
    ]);
    this.keyChanges.set(commit.runId, [
      ...(this.keyChanges.get(commit.runId) ?? []),
      ...(commit.keyChanges ?? []).map((change) => ({ ...change })),
    ]);
    const records = this.syncedRecords.get(commit.taskKey) ?? new Map<string, SyncedRecord>();
    for (const record of commit.syncedRecords ?? []) records.set(record.sourceId, { ...record });
    this.syncedRecords.set(commit.taskKey, records);
    const synced = this.synced.get(commit.taskKey) ?? new Map<string, 'synced' | 'excluded'>();
    for (const { naturalKey } of commit.excluded ?? []) if (naturalKey !== null) synced.set(naturalKey, 'excluded');
    for (const key of commit.synced ?? []) synced.set(key, 'synced');
    this.synced.set(commit.taskKey, synced);
    const pending = this.pending.get(commit.taskKey) ?? new Map<string, PendingRecord>();
    const pendingKeys = this.#pendingKeys.get(commit.taskKey) ?? new Map<string, NaturalKey | null>();
    this.#pendingKeys.set(commit.taskKey, pendingKeys);
    const failedAt = this.#now().toISOString();
    for (const { sourceId, key, naturalKey, code, message } of commit.failures) {
      pendingKeys.set(sourceId, naturalKey);
      const before = pending.get(sourceId);
      pending.set(sourceId, {
        sourceId,
        key,
        code,
        message,
        attempts: (before?.attempts ?? 0) + 1,
        firstFailedAt: before?.firstFailedAt ?? failedAt,
        lastFailedAt: failedAt,
        skipped: before?.skipped ?? false,
      });
    }
    const settled = [
      ...commit.succeeded,
      ...commit.deleted.map((d) => d.sourceId),
      ...(commit.excluded ?? []).map((e) => e.sourceId),
    ];
    for (const sourceId of settled) pending.delete(sourceId);
    for (const { sourceId, key, naturalKey, code, message } of commit.parked ?? []) {
      pendingKeys.set(sourceId, naturalKey);
      pending.set(sourceId, {
        sourceId,
        key,
        code,
        message,
        attempts: 1,
        firstFailedAt: failedAt,
        lastFailedAt: failedAt,
        skipped: false,
      });
    }
    this.pending.set(commit.taskKey, pending);
    const hashes = this.hashes.get(commit.taskKey) ?? new Map<string, string>();
    for (const { key, hash } of commit.written) hashes.set(key, hash);
    this.hashes.set(commit.taskKey, hashes);
    if (commit.checkpoint) this.checkpoints.set(commit.taskKey, commit.checkpoint);
  }

  async finishRun(
    runId: string,
    outcome: { status: Exclude<RunStatus, 'Running'>; message?: string | null },
  ): Promise<RunRecord> {
    this.writes.push('finishRun');
    const run = this.runs.get(runId)!;
    Object.assign(run, {
      status: outcome.status,
      message: outcome.message ?? null,
      finishedAt: this.#now().toISOString(),
    });
    return { ...run };
  }

  async markInterrupted(templateId: string): Promise<number> {
    let marked = 0;
    for (const run of this.runs.values()) {
      if (run.templateId === templateId && run.status === 'Running') {
        run.status = 'Interrupted';
        marked++;
      }
    }
    if (marked > 0) this.writes.push('markInterrupted');
    return marked;
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    return this.runs.get(runId) ?? null;
  }

  async listRuns(options: { limit: number; templateId?: string }): Promise<RunRecord[]> {
    return [...this.runs.values()]
      .filter((r) => !options.templateId || r.templateId === options.templateId)
      .slice(0, options.limit);
  }

  async listFailures(runId: string, options: { limit: number }): Promise<RecordFailure[]> {
    return (this.failures.get(runId) ?? []).slice(0, options.limit);
  }

  async listDeletions(runId: string, options: { limit: number }): Promise<RecordDeletion[]> {
    return (this.deletions.get(runId) ?? []).slice(0, options.limit);
  }

  async listExclusions(runId: string, options: { limit: number }): Promise<RecordExclusion[]> {
    return (this.exclusions.get(runId) ?? []).slice(0, options.limit);
  }

  async listKeyChanges(runId: string, options: { limit: number }): Promise<RecordKeyChange[]> {
    return (this.keyChanges.get(runId) ?? []).slice(0, options.limit);
  }

  async findSyncedKeys(taskKey: string, sourceIds: readonly string[]): Promise<Map<string, SyncedRecord>> {
    const records = this.syncedRecords.get(taskKey);
    const found = new Map<string, SyncedRecord>();
    for (const id of sourceIds) {
      const record = records?.get(id);
      if (record) found.set(id, { ...record });
    }
    return found;
  }

  async findParents(taskKeys: readonly string[], keys: readonly string[]): Promise<Map<string, ParentStatus>> {
    const found = new Map<string, ParentStatus>();
    for (const key of keys) {
      const knownBy = taskKeys.find((taskKey) => this.synced.get(taskKey)?.has(key));
      if (knownBy) {
        found.set(key, { state: this.synced.get(knownBy)!.get(key)!, taskKey: knownBy });
        continue;
      }
      for (const taskKey of taskKeys) {
        const failing = [...(this.pending.get(taskKey)?.values() ?? [])].find(
          (p) => !p.skipped && this.#pendingKeys.get(taskKey)?.get(p.sourceId) === key,
        );
        if (failing) {
          found.set(key, { state: 'failed', taskKey, code: failing.code, message: failing.message });
          break;
        }
      }
    }
    return found;
  }

  async getCheckpoint(taskKey: string): Promise<Checkpoint | null> {
    return this.checkpoints.get(taskKey) ?? null;
  }

  async clearCheckpoint(taskKey: string): Promise<void> {
    this.writes.push('clearCheckpoint');
    this.checkpoints.delete(taskKey);
  }

  async listPending(taskKey: string, options: { limit: number; includeSkipped?: boolean }): Promise<PendingRecord[]> {
    return [...(this.pending.get(taskKey)?.values() ?? [])]
      .filter((p) => options.includeSkipped === true || !p.skipped)
      .sort((a, b) => (a.firstFailedAt < b.firstFailedAt ? -1 : a.firstFailedAt > b.firstFailedAt ? 1 : 0))
      .slice(0, options.limit)
      .map((p) => ({ ...p }));
  }

  async skipPending(taskKey: string, sourceIds: readonly string[]): Promise<number> {
    this.writes.push('skipPending');
    let marked = 0;
    for (const id of new Set(sourceIds)) {
      const record = this.pending.get(taskKey)?.get(id);
      if (record && !record.skipped) {
        record.skipped = true;
        marked++;
      }
    }
    return marked;
  }

  async acquireLock(
    name: string,
    owner: LockOwner,
    ttlMs: number,
  ): Promise<{ acquired: true } | { acquired: false; holder: LockOwner }> {
    this.writes.push('acquireLock');
    const now = this.#now().getTime();
    const held = this.locks.get(name);
    // The holder may take it again (renewing it); others only once its lease has run out.
    if (held && held.owner.id !== owner.id && held.expiresAt >= now)
      return { acquired: false, holder: { ...held.owner } };
    this.locks.set(name, { owner: { ...owner }, expiresAt: now + ttlMs });
    return { acquired: true };
  }

  async renewLock(name: string, ownerId: string, ttlMs: number): Promise<boolean> {
    this.writes.push('renewLock');
    const held = this.locks.get(name);
    if (held?.owner.id !== ownerId) return false;
    held.expiresAt = this.#now().getTime() + ttlMs;
    return true;
  }

  async releaseLock(name: string, ownerId: string): Promise<void> {
    this.writes.push('releaseLock');
    if (this.locks.get(name)?.owner.id === ownerId) this.locks.delete(name);
  }

  async breakLock(name: string, holderId: string): Promise<boolean> {
    this.writes.push('breakLock');
    if (this.locks.get(name)?.owner.id !== holderId) return false;
    this.locks.delete(name);
    return true;
  }

  async getHashes(taskKey: string, keys: readonly string[]): Promise<Map<string, string>> {
    const stored = this.hashes.get(taskKey) ?? new Map<string, string>();
    return new Map(keys.flatMap((key) => (stored.has(key) ? [[key, stored.get(key)!] as const] : [])));
  }

  async clearKeyIndex(scope: string): Promise<void> {
    this.keyIndex.delete(scope);
  }

  async putKeys(scope: string, holders: readonly KeyHolder[]): Promise<void> {
    const index = this.keyIndex.get(scope) ?? new Map<string, string>();
    for (const { id, key } of holders) {
      if (key === null) index.delete(id);
      else index.set(id, key);
    }
    this.keyIndex.set(scope, index);
  }

  async findDuplicateKeys(scope: string, keys?: readonly string[]): Promise<Map<string, string[]>> {
    const byKey = new Map<string, string[]>();
    for (const [id, key] of this.keyIndex.get(scope) ?? []) {
      if (keys && !keys.includes(key)) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), id]);
    }
    return new Map([...byKey].filter(([, holders]) => holders.length > 1));
  }

  async reserveSequenceValue(
    sequence: string,
    ownerId: string,
    start: number,
    render: (counter: number) => string,
  ): Promise<SequenceReservation> {
    this.writes.push('reserveSequenceValue');
    const state = this.#sequences.get(sequence) ?? { next: start, reserved: new Map<string, string>() };
    this.#sequences.set(sequence, state);
    const held = state.reserved.get(ownerId);
    if (held !== undefined) return { value: held, reused: true };
    const value = render(state.next++);
    state.reserved.set(ownerId, value);
    return { value, reused: false };
  }

  async confirmSequenceValue(sequence: string, ownerId: string): Promise<void> {
    this.writes.push('confirmSequenceValue');
    this.#sequences.get(sequence)?.reserved.delete(ownerId);
  }

  async close(): Promise<void> {}
}

// The history keeps outcomes without the indexed form of their keys, as the SQLite store does.
function shownFailure({ taskId, sourceId, key, code, message }: Keyed<RecordFailure>): RecordFailure {
  return { taskId, sourceId, key, code, message };
}

function shownExclusion({ taskId, sourceId, key, rule, reason }: Keyed<RecordExclusion>): RecordExclusion {
  return { taskId, sourceId, key, rule, reason };
}
