import type { RecordSource } from '../../connectors/index.js';
import type { StateStore } from '../../state/index.js';
import type { NaturalKeyPolicy } from '../../templates/index.js';
import { keyText, naturalKey } from './NaturalKey.js';

/**
 * Fills the key index of `scope` afresh with every source record's natural key, so a full read
 * can tell duplicates apart from the first page on. Returns how many records it scanned, or
 * null when the source cannot list keys (the index is then not fresh).
 */
export async function scanKeyIndex(
  source: RecordSource,
  policy: NaturalKeyPolicy,
  state: StateStore,
  scope: string,
  onScanned: (scanned: number) => void,
): Promise<number | null> {
  if (!source.scanKeys) return null;
  await state.clearKeyIndex(scope);
  let scanned = 0;
  for await (const holders of source.scanKeys(policy.sourceField, { pageSize: 5000 })) {
    await state.putKeys(
      scope,
      holders.flatMap(({ id, key }) => {
        const text = keyText(key);
        return text === null ? [] : [{ id, key: naturalKey(text) }];
      }),
    );
    scanned += holders.length;
    onScanned(scanned);
  }
  return scanned;
}
