import type { RecordContext } from '../../mapping/index.js';
import type { ParentCheck } from '../checkParents.js';
import type { PageItem } from '../PageItem.js';
import type { RecordMapper } from '../RecordMapper.js';
import { rowHash } from '../rowHash.js';
import { destinationKey } from './destinationKey.js';
import { failureOf } from './failureOf.js';
import type { RecordWrite } from './RecordWrite.js';

/**
 * Maps every item still going (not failed, not left out for its parent) to the row to write,
 * with its destination key and hash; an item that does not map fails with the mapping's reason.
 */
export function mapRecords(
  items: readonly PageItem[],
  parents: ParentCheck | null,
  mapper: RecordMapper,
  references: RecordContext['references'],
  keyFields: readonly string[],
  taskId: string,
): RecordWrite[] {
  const writes: RecordWrite[] = [];
  for (const item of items) {
    if (item.failure || parents?.excluded.has(item)) continue;
    const about: RecordContext = { key: item.key, parents: parents?.resolved.get(item) ?? {}, references };
    const mapped = mapper.map(item.record.data, about);
    if (!mapped.ok) {
      item.failure = failureOf(item, mapped.error.code, mapped.error.message, taskId);
      continue;
    }
    const { row } = mapped;
    writes.push({ key: destinationKey(keyFields, row), row, knownToExist: false, item, hash: rowHash(row) });
  }
  return writes;
}
