import type { SourceRecord } from '../connectors/index.js';
import type { RecordFailure } from '../state/index.js';

/** A record on its way through a page: its natural key once known, or why it failed. */
export interface PageItem {
  record: SourceRecord;
  key: string | null;
  /** Its key was generated in this run (or would be, in a dry run). */
  keyGenerated: boolean;
  failure: RecordFailure | null;
}

/** Natural keys compare as Dataverse and F&O compare them: without regard to case. */
export function normalizeKey(key: string): string {
  return key.trim().toUpperCase();
}
