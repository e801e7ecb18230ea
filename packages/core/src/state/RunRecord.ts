/**
 * How a run ended, as Data Integrator reports it: Completed (every record written or
 * unchanged), Warning (some failed), Error (none succeeded, or a fatal fault). Interrupted: the
 * process died while the run was going.
 */
export type RunStatus = 'Running' | 'Completed' | 'Warning' | 'Error' | 'Interrupted';

export type RunMode = 'full' | 'incremental';

/**
 * The counts a run keeps, declared once: `RunCounts`, `emptyCounts` and every state store's
 * columns and row mapping derive from this list.
 * - read, created, updated, unchanged, failed: records, by what became of them.
 * - keysGenerated: natural keys generated from a number sequence and written back to the source.
 * - deleted: records deleted in the source since the last run (reported, never deleted in the destination by default).
 * - filtered: records a task's filter left out (each listed in the run's history with the rule).
 * - waiting: records held back because a parent they name has not been synced yet (pending, tried again).
 * - retried: records read again because they failed (or waited) before, whether or not they changed.
 * - keyChanged: records synced before under another natural key (each listed in the run's history).
 */
export const RUN_COUNT_NAMES = [
  'read',
  'created',
  'updated',
  'unchanged',
  'failed',
  'keysGenerated',
  'deleted',
  'filtered',
  'waiting',
  'retried',
  'keyChanged',
] as const;

export type RunCountName = (typeof RUN_COUNT_NAMES)[number];

export type RunCounts = Record<RunCountName, number>;

export function emptyCounts(): RunCounts {
  return countsOf(() => 0);
}

export function addCounts(a: RunCounts, b: Partial<RunCounts>): RunCounts {
  return countsOf((name) => a[name] + (b[name] ?? 0));
}

/** A `RunCounts` whose every count is `valueOf` its name. */
export function countsOf(valueOf: (name: RunCountName) => number): RunCounts {
  const counts = {} as RunCounts;
  for (const name of RUN_COUNT_NAMES) counts[name] = valueOf(name);
  return counts;
}

export interface RunRecord {
  id: string;
  templateId: string;
  mode: RunMode;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  counts: RunCounts;
  /** Why a run ended in Error, when a fatal fault ended it. */
  message: string | null;
}

/** One record that failed in a run, with its reason. */
export interface RecordFailure {
  taskId: string;
  /** The record's id in the source system. */
  sourceId: string;
  /** Its natural key, when it had one. */
  key: string | null;
  code: string;
  message: string;
}

/** A record deleted in the source, as a run saw it. */
export interface RecordDeletion {
  taskId: string;
  sourceId: string;
  /** Its natural key as last seen, when known. */
  key: string | null;
}

/**
 * A source record that now holds another natural key than the one it was last synced under
 * (an account whose number was changed in Sales). `reported`: written under its new key, the
 * destination's record under the old key left as it was; `renamed`: the destination's record
 * was renamed to the new key first.
 */
export interface RecordKeyChange {
  taskId: string;
  sourceId: string;
  /** The key it was last synced under, as read then. */
  oldKey: string;
  /** The key it holds now, as read. */
  newKey: string;
  action: KeyChangeAction;
}

export type KeyChangeAction = 'reported' | 'renamed';

/** A record a task's filter left out, and the rule that did. */
export interface RecordExclusion {
  taskId: string;
  sourceId: string;
  key: string | null;
  /** The filter's name in the template or configuration. */
  rule: string;
  /** What the rule keeps: `only quotes that are Active`. */
  reason: string;
}

/** Where a parent's natural key stands in a task: synced, left out by its filters, or failing (pending) with a reason. */
export type ParentStatus =
  | { state: 'synced'; taskKey: string }
  | { state: 'excluded'; taskKey: string }
  | { state: 'failed'; taskKey: string; code: string; message: string };

/**
 * A record that failed and has not succeeded since: the next run tries it again even when it
 * did not change in the source, until it succeeds or an operator marks it skipped.
 */
export interface PendingRecord {
  sourceId: string;
  key: string | null;
  code: string;
  message: string;
  /** How many runs it has failed in. */
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  skipped: boolean;
}

/** Who holds a task's run lock. */
export interface LockOwner {
  /** Unique per holder (a run id or a UUID). */
  id: string;
  host: string;
  pid: number;
  /**
   * When the process started, as its OS counts it (Linux: field 22 of `/proc/<pid>/stat`), so a
   * later process given the same pid is not taken for the holder; absent where the OS does not say.
   */
  processStart?: string;
}
