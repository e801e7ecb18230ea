import type { RunCounts } from '../state/index.js';

export type ProgressEvent =
  /** Reading every natural key before a full run, to find the duplicates first. */
  | { phase: 'scan'; taskId: string; scanned: number }
  /** After each page: the task's counts so far, and how many records there are when known. */
  | { phase: 'sync'; taskId: string; counts: RunCounts; total: number | null };
