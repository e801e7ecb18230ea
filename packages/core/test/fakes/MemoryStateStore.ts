import type { Checkpoint, KeyHolder } from '../../src/connectors/index.js';
import {
  addCounts,
  emptyCounts,
  type PageCommit,
  type RecordFailure,
  type RunMode,
  type RunRecord,
  type RunStatus,
  type SequenceReservation,
  type StateStore,
} from '../../src/state/index.js';

/** A state store in memory that counts its writes, so a test can see a dry run leave none. */
export class MemoryStateStore implements StateStore {
  readonly runs = new Map<string, RunRecord>();
  readonly failures = new Map<string, RecordFailure[]>();
  readonly checkpoints = new Map<string, Checkpoint>();
  readonly hashes = new Map<string, Map<string, string>>();
  readonly keyIndex = new Map<string, Map<string, string>>();
  readonly #sequences = new Map<string, { next: number; reserved: Map<string, string> }>();
  /** Every call that changed something, by method name. */
  readonly writes: string[] = [];

  async startRun(input: { templateId: string; mode: RunMode }): Promise<RunRecord> {
    this.writes.push('startRun');
    const run: RunRecord = {
      id: `run-${this.runs.size + 1}`,
      ...input,
      status: 'Running',
      startedAt: new Date().toISOString(),
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
    this.failures.set(commit.runId, [...(this.failures.get(commit.runId) ?? []), ...commit.failures]);
    const hashes = this.hashes.get(commit.taskKey) ?? new Map<string, string>();
    for (const { key, hash } of commit.written) hashes.set(key, hash);
    this.hashes.set(commit.taskKey, hashes);
    if (commit.checkpoint) this.checkpoints.set(commit.taskKey, commit.checkpoint);
  }

  async finishRun(runId: string, outcome: { status: Exclude<RunStatus, 'Running'>; message?: string | null }): Promise<RunRecord> {
    this.writes.push('finishRun');
    const run = this.runs.get(runId)!;
    Object.assign(run, { status: outcome.status, message: outcome.message ?? null, finishedAt: new Date().toISOString() });
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
    return [...this.runs.values()].filter((r) => !options.templateId || r.templateId === options.templateId).slice(0, options.limit);
  }

  async listFailures(runId: string, options: { limit: number }): Promise<RecordFailure[]> {
    return (this.failures.get(runId) ?? []).slice(0, options.limit);
  }

  async getCheckpoint(taskKey: string): Promise<Checkpoint | null> {
    return this.checkpoints.get(taskKey) ?? null;
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
