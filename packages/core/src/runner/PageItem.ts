import type { SourceRecord } from '../connectors/index.js';
import type { RecordFailure } from '../state/index.js';
import type { NaturalKeyPolicy } from '../templates/index.js';
import { naturalKey, readNaturalKey, type NaturalKey } from './naturalKey/NaturalKey.js';

/** A record on its way through a page: its natural key once known, or why it failed. */
export interface PageItem {
  record: SourceRecord;
  /** Its natural key as read, for people; null until it has one. */
  key: string | null;
  /** The same key as it is indexed and compared; set with `key` by `giveKey`. */
  naturalKey: NaturalKey | null;
  /** Its key was generated in this run (or would be, in a dry run). */
  keyGenerated: boolean;
  failure: RecordFailure | null;
}

/** A record as it enters the page, with its natural key read once. */
export function pageItemOf(record: SourceRecord, policy: NaturalKeyPolicy): PageItem {
  const key = readNaturalKey(record.data, policy);
  return { record, key, naturalKey: key === null ? null : naturalKey(key), keyGenerated: false, failure: null };
}

/** Gives the item the key (generated for it); the mappings read it from the record, as after a real write-back. */
export function giveKey(item: PageItem, key: string, policy: NaturalKeyPolicy): void {
  item.key = key;
  item.naturalKey = naturalKey(key);
  item.keyGenerated = true;
  item.record.data[policy.sourceField] = key;
}
