import type { RecordSource } from '../../connectors/index.js';
import type { StateStore } from '../../state/index.js';
import type { NaturalKeyPolicy } from '../../templates/index.js';
import type { PageItem } from '../PageItem.js';

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
  const keyed = items.flatMap((item) =>
    item.failure === null && item.key !== null && item.naturalKey !== null && !item.keyGenerated
      ? [{ item, key: item.key, naturalKey: item.naturalKey }]
      : [],
  );
  if (keyed.length === 0) return;
  await state.putKeys(
    scope,
    keyed.map(({ item, naturalKey }) => ({ id: item.record.id, key: naturalKey })),
  );
  const suspects = await state.findDuplicateKeys(scope, [...new Set(keyed.map(({ naturalKey }) => naturalKey))]);
  for (const [suspect, indexedHolders] of suspects) {
    let holders = indexedHolders;
    if (!indexIsFresh && source.findIdsByKey) {
      const asked = keyed.find((entry) => entry.naturalKey === suspect);
      if (!asked)
        throw new Error(`The state store gave back duplicate key '${suspect}', which the page did not ask about`);
      holders = await source.findIdsByKey(policy.sourceField, asked.key);
      if (holders.length < 2) continue;
    }
    for (const { item, key, naturalKey } of keyed) {
      if (naturalKey !== suspect) continue;
      const others = holders.filter((id) => id !== item.record.id);
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key,
        code: 'DUPLICATE_KEY',
        message: `${capitalize(policy.label)} '${key}' is shared by ${holders.length} records (${[item.record.id, ...others].join(', ')}); none of them is synced until each has its own`,
      };
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
