import type {
  RecordDeletion,
  RecordExclusion,
  RecordFailure,
  RecordKeyChange,
  RunCounts,
  RunMode,
} from '../state/index.js';

export type RunOutcome = 'Completed' | 'Warning' | 'Error';

/** A planned change, for dry runs: what would be created or updated. */
export interface PlannedWrite {
  taskId: string;
  key: string;
  status: 'created' | 'updated';
}

export interface RunSummary {
  /** Null for a dry run, which leaves no trace in the state store. */
  runId: string | null;
  templateId: string;
  templateName: string;
  mode: RunMode;
  dryRun: boolean;
  status: RunOutcome;
  counts: RunCounts;
  /** The first failures, with their reasons (all are in the run's history). */
  failures: RecordFailure[];
  /** The first records the task filters left out, with the rule (all are in the history). */
  excluded: RecordExclusion[];
  /** Dry runs: the first writes that would be made. */
  planned: PlannedWrite[];
  /** The first records deleted in the source since the last run (all are in the history). */
  deletions: RecordDeletion[];
  /** The first records synced before under another natural key (all are in the history). */
  keyChanges: RecordKeyChange[];
  /** What the run decided on the way that an operator should know (a full read forced, a lock broken). */
  notes: string[];
  /** What ended the run early, when something did. */
  message: string | null;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

/**
 * Data Integrator's rule: Completed when nothing failed, Error when nothing succeeded. Records
 * waiting for their parents are not failures, but the run did not complete them: Warning. A run
 * that read nothing new, only records that failed before and fail again, is a Warning too:
 * nothing got worse. A record whose natural key changed since it was synced is written under
 * its new key, but the destination still holds it under the old one too: Warning, so an
 * operator looks.
 */
export function outcomeOf(counts: RunCounts, fatal: boolean): RunOutcome {
  if (fatal) return 'Error';
  if (counts.failed === 0) return counts.waiting === 0 && counts.keyChanged === 0 ? 'Completed' : 'Warning';
  const succeeded = counts.created + counts.updated + counts.unchanged;
  const onlyRetries = counts.read <= counts.retried;
  return succeeded === 0 && counts.waiting === 0 && !onlyRetries ? 'Error' : 'Warning';
}
