import type { RecordDestination } from '../../connectors/index.js';
import type { RecordKeyChange, StateStore } from '../../state/index.js';
import type { OnKeyChange } from '../../templates/index.js';
import type { PageItem } from '../PageItem.js';

export interface KeyChangeOptions {
  taskKey: string;
  taskId: string;
  onKeyChange: OnKeyChange;
  dryRun: boolean;
  label: string;
}

/**
 * Finds the page's records that were last synced under another natural key than the one they
 * hold now. A record is known by its source id (a Dataverse GUID, which no edit changes), so
 * the same id under another key is the same record renamed in the source, not a new one.
 *
 * Keys are compared as indexed (`naturalKey`), so a change of case or spaces alone is none.
 * A record with a key generated in this run had none before, so it was never synced. With
 * `rename`, the destination renames its record first; one it cannot rename fails alone with
 * KEY_RENAME_FAILED and is tried again next run. The change is stored only with the record's
 * success (`pageCommitOf`), so it is reported once, in the run that wrote the new key.
 */
export async function detectKeyChanges(
  items: readonly PageItem[],
  state: Pick<StateStore, 'findSyncedKeys'>,
  destination: Pick<RecordDestination, 'renameKey'>,
  options: KeyChangeOptions,
): Promise<Map<PageItem, RecordKeyChange>> {
  const changes = new Map<PageItem, RecordKeyChange>();
  const keyed = items.filter((item) => item.failure === null && item.naturalKey !== null && !item.keyGenerated);
  if (keyed.length === 0) return changes;
  const synced = await state.findSyncedKeys(
    options.taskKey,
    keyed.map((item) => item.record.id),
  );
  for (const item of keyed) {
    const before = synced.get(item.record.id);
    if (before === undefined || item.key === null || before.naturalKey === item.naturalKey) continue;
    changes.set(item, {
      taskId: options.taskId,
      sourceId: item.record.id,
      oldKey: before.key,
      newKey: item.key,
      action: 'reported',
    });
  }
  if (options.onKeyChange === 'rename') await renameInDestination(changes, destination, options);
  return changes;
}

async function renameInDestination(
  changes: Map<PageItem, RecordKeyChange>,
  destination: Pick<RecordDestination, 'renameKey'>,
  options: KeyChangeOptions,
): Promise<void> {
  const { renameKey } = destination;
  // Refused before the run starts (`checkKeyChangePolicy`); a destination that lost it is a bug.
  if (!renameKey)
    throw new Error(`Task '${options.taskId}': onKeyChange is 'rename' but its destination cannot rename`);
  for (const [item, change] of changes) {
    const outcome = await renameKey.call(destination, change.oldKey, change.newKey, { dryRun: options.dryRun });
    if (outcome.status !== 'failed') {
      change.action = 'renamed';
      continue;
    }
    changes.delete(item);
    item.failure = {
      taskId: options.taskId,
      sourceId: item.record.id,
      key: item.key,
      code: 'KEY_RENAME_FAILED',
      message: `Could not rename ${options.label} '${change.oldKey}' to '${change.newKey}' in the destination: ${outcome.message}`,
    };
  }
}
