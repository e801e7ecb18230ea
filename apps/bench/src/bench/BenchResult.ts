import type { RequestTotals } from '../emulator/requestTotals.js';
import type { CeilingResult } from '../ceiling/measureCeiling.js';
import type { SalesReadCeiling, WriteBackCeiling } from '../ceiling/measureSalesParts.js';
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
  /** From spawning `node` to its exit: start-up of the built CLI included. */
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
  /** The emulator's ceiling as the brief defines it: F&O CustomersV3 POSTs in `$batch`es. */
  ceiling: CeilingResult;
  /**
   * The emulator's side of the rest of the job, measured in the same emulator after the
   * ceiling: the Sales read and the account-number write-back. The emulator is one JS thread,
   * so its work adds up: `jobRecordsPerSecond` = records / (read + write-back + F&O writes).
   */
  ceilingParts: { salesRead: SalesReadCeiling; writeBack: WriteBackCeiling; jobRecordsPerSecond: number };
  full: SyncPassResult & {
    /** Records per second over the process's wall time (what a user waits for). */
    recordsPerSecond: number;
    /** Records per second over the run's own duration (start-up excluded). */
    runRecordsPerSecond: number | null;
    /** recordsPerSecond / ceiling.recordsPerSecond. */
    fractionOfCeiling: number;
    runFractionOfCeiling: number | null;
    /** recordsPerSecond / ceilingParts.jobRecordsPerSecond. */
    fractionOfJobCeiling: number;
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
    /**
     * Accounts the full run gave a number and wrote it back to (so Sales saw them change after
     * the full run's read began), not among the changed ones: an incremental read finds them too.
     */
    writtenBackNotChanged: number;
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
