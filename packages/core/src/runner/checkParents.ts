import { readPath } from '../mapping/readPath.js';
import type { ResolvedParent } from '../mapping/Transform.js';
import type { StateStore } from '../state/index.js';
import type { ParentReference } from '../templates/ParentReference.js';
import { normalizeKey, type PageItem } from './PageItem.js';

/** The code of a record held back until its parent syncs: pending, counted as waiting, not failed. */
export const PARENT_NOT_SYNCED = 'PARENT_NOT_SYNCED';

/**
 * Looks up, for every item still going, the parents it names by natural key (one state-store
 * query per reference per page). An item whose parent has not been synced waits; one whose
 * parent is failing says why; the rest get their resolved parents for the transforms.
 */
export async function checkParents(
  items: readonly PageItem[],
  references: readonly ParentReference[],
  state: StateStore,
  taskId: string,
): Promise<Map<PageItem, Record<string, ResolvedParent>>> {
  const resolved = new Map<PageItem, Record<string, ResolvedParent>>();
  for (const reference of references) {
    const wanted = new Map<PageItem, string>();
    for (const item of items) {
      if (item.failure) continue;
      const raw = readPath(item.record.data, reference.sourceField);
      const key = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
      if (key !== '') {
        wanted.set(item, key);
        continue;
      }
      if (reference.optional) continue;
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: item.key,
        code: 'PARENT_KEY_MISSING',
        message: `The record names no ${reference.name} (${reference.sourceField} is blank)`,
      };
    }
    const statuses = await state.findParents(reference.tasks, [...new Set([...wanted.values()].map(normalizeKey))]);
    for (const [item, key] of wanted) {
      const status = statuses.get(normalizeKey(key));
      if (status?.state === 'synced') {
        resolved.set(item, { ...resolved.get(item), [reference.name]: { taskKey: status.taskKey, key } });
        continue;
      }
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: item.key,
        ...(status
          ? { code: 'PARENT_FAILED', message: `Its ${reference.name} ${key} failed in ${status.taskKey}: ${status.message}` }
          : {
              code: PARENT_NOT_SYNCED,
              message: `Its ${reference.name} ${key} has not been synced yet (${reference.tasks.join(' or ')}); tried again at the next run`,
            }),
      };
    }
  }
  return resolved;
}
