import type { RequestTotals } from '../emulator/requestTotals.js';
import type { CeilingResult } from '../ceiling/measureCeiling.js';
import type { BenchSize } from '../cli/benchArguments.js';

/** What one p2c run (full or incremental) did, as the bench measured it. */
export interface SyncPassResult {
  /** `p2c run`'s exit code (0 Completed, 1 Warning, 2 Error). */
  exitCode: number | null;
  /** The run summary's status and counts (`--json`). */
  status: string | null;
  counts: Record<string, number> | null;
  /** The run's own duration (RunSummary.durationMs): reading, mapping, writing. */
  runMs: number | null;
  /** From spawning `node` to its exit: start-up (tsx compiling the sources) included. */
  wallMs: number;
  peakRssBytes: number | null;
  requests: RequestTotals;
  /** The first failures the summary lists, when any. */
  failures: unknown[];
}

export interface BenchResult {
  size: BenchSize;
  records: number;
  startedAt: string;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; totalMemoryMb: number };
  settings: { pageSize: number; batchSize: number };
  dataset: { seed: number; seedFileBytes: number; generateMs: number; withoutAccountNumber: number };
  /** Loading the accounts into each emulator process (POST /_emulator/seed in chunks). */
  seeding: { chunkSize: number; ms: number[] };
  ceiling: CeilingResult;
  full: SyncPassResult & {
    /** Records per second over the process's wall time (what a user waits for). */
    recordsPerSecond: number;
    /** Records per second over the run's own duration (start-up excluded). */
    runRecordsPerSecond: number | null;
    /** recordsPerSecond / ceiling.recordsPerSecond. */
    fractionOfCeiling: number;
    runFractionOfCeiling: number | null;
    readsPer1k: number;
    writesPer1k: number;
    batchOperationsPer1k: number;
  };
  incremental: SyncPassResult & {
    /** Accounts changed in Sales before the pass. */
    changed: number;
    /** Created + updated in F&O by the pass. */
    written: number;
    /** Records the pass read from Sales. */
    read: number;
  };
  targets: TargetCheck[];
}

/** A project target next to the measured figure; `met` is null when it does not apply to this size. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
}
