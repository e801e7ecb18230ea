import type { RecordSource } from '../connectors/index.js';
import type { StateStore } from '../state/index.js';
import type { NaturalKeyPolicy } from '../templates/index.js';
import { normalizeKey, type PageItem } from './PageItem.js';

/**
 * Fails every record of the page whose natural key another record also holds, naming all the
 * holders. The key index was filled by a scan before a full read; on an incremental read the
 * index may be stale, so suspects are checked against the source itself.
 */
export async function rejectDuplicateKeys(
  items: PageItem[],
  policy: NaturalKeyPolicy,
  source: RecordSource,
  state: StateStore,
  scope: string,
  indexIsFresh: boolean,
  taskId: string,
): Promise<void> {
  const keyed = items.filter((item) => item.failure === null && item.key !== null && !item.keyGenerated);
  if (keyed.length === 0) return;
  await state.putKeys(
    scope,
    keyed.map((item) => ({ id: item.record.id, key: normalizeKey(item.key!) })),
  );
  const suspects = await state.findDuplicateKeys(
    scope,
    [...new Set(keyed.map((item) => normalizeKey(item.key!)))],
  );
  for (const [normalized, indexedHolders] of suspects) {
    let holders = indexedHolders;
    if (!indexIsFresh && source.findIdsByKey) {
      const original = keyed.find((item) => normalizeKey(item.key!) === normalized)!.key!;
      holders = await source.findIdsByKey(policy.sourceField, original);
      if (holders.length < 2) continue;
    }
    for (const item of keyed) {
      if (normalizeKey(item.key!) !== normalized) continue;
      const others = holders.filter((id) => id !== item.record.id);
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: item.key,
        code: 'DUPLICATE_KEY',
        message: `${capitalize(policy.label)} '${item.key}' is shared by ${holders.length} records (${[item.record.id, ...others].join(', ')}); none of them is synced until each has its own`,
      };
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
