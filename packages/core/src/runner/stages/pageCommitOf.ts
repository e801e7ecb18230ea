import type { Checkpoint, WriteStatus } from '../../connectors/index.js';
import type {
  Keyed,
  PageCommit,
  RecordDeletion,
  RecordExclusion,
  RecordKeyChange,
  RunCounts,
  SyncedRecord,
} from '../../state/index.js';
import type { NaturalKey } from '../naturalKey/NaturalKey.js';
import { PARENT_LEFT_OUT, PARENT_NOT_SYNCED } from '../checkParents.js';
import type { PageItem } from '../PageItem.js';
import type { RecordWrite } from './RecordWrite.js';

export interface PageOutcome {
  runId: string;
  taskKey: string;
  /** Records the page read. */
  read: number;
  /** The items that went past the filters, each now failed or not. */
  items: readonly PageItem[];
  keysGenerated: number;
  /** Left out by the filters and for their parents. */
  excluded: Keyed<RecordExclusion>[];
  /** The items left out only because their parent was. */
  parked: ReadonlyMap<PageItem, RecordExclusion>;
  deleted: RecordDeletion[];
  /** Rows whose hash matched the stored one: not written. */
  unchanged: readonly RecordWrite[];
  /** Rows the destination took, in page order. */
  written: readonly { write: RecordWrite; status: WriteStatus }[];
  checkpoint: Checkpoint | null;
  /** Items synced before under another natural key (`detectKeyChanges`). */
  keyChanges?: ReadonlyMap<PageItem, RecordKeyChange>;
}

/** What the page leaves behind: its counts, failures (waiting ones apart), successes, hashes and keys. */
export function pageCommitOf(outcome: PageOutcome): PageCommit {
  const counts: Partial<RunCounts> = {
    read: outcome.read,
    filtered: outcome.excluded.length,
    deleted: outcome.deleted.length,
    keysGenerated: outcome.keysGenerated,
    unchanged: outcome.unchanged.length,
  };
  const succeeded: string[] = [];
  const synced: NaturalKey[] = [];
  const syncedRecords: SyncedRecord[] = [];
  const keyChanges: RecordKeyChange[] = [];
  const succeed = ({ item }: RecordWrite): void => {
    succeeded.push(item.record.id);
    if (item.naturalKey === null || item.key === null) return;
    synced.push(item.naturalKey);
    syncedRecords.push({ sourceId: item.record.id, key: item.key, naturalKey: item.naturalKey });
    // Reported with its success only: a record that fails is not yet synced under its new key.
    const change = outcome.keyChanges?.get(item);
    if (change) keyChanges.push(change);
  };
  for (const write of outcome.unchanged) succeed(write);
  for (const { write, status } of outcome.written) {
    counts[status] = (counts[status] ?? 0) + 1;
    succeed(write);
  }
  const failures = outcome.items.flatMap((item) =>
    item.failure ? [{ ...item.failure, naturalKey: item.naturalKey }] : [],
  );
  counts.waiting = failures.filter((failure) => failure.code === PARENT_NOT_SYNCED).length;
  counts.failed = failures.length - counts.waiting;
  counts.keyChanged = keyChanges.length;
  return {
    runId: outcome.runId,
    taskKey: outcome.taskKey,
    counts,
    failures,
    succeeded,
    deleted: outcome.deleted,
    written: outcome.written.map(({ write }) => ({ key: write.key, hash: write.hash })),
    excluded: outcome.excluded,
    synced,
    syncedRecords,
    keyChanges,
    parked: [...outcome.parked].map(([item, { sourceId, key, reason }]) => ({
      sourceId,
      key,
      naturalKey: item.naturalKey,
      code: PARENT_LEFT_OUT,
      message: reason,
    })),
    checkpoint: outcome.checkpoint,
  };
}
