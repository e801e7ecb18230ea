import type { ResolvedParent } from '../mapping/Transform.js';
import type { RecordExclusion, StateStore } from '../state/index.js';
import type { ParentReference } from '../templates/ParentReference.js';
import { naturalKey, readParentKey, type NaturalKey } from './naturalKey/NaturalKey.js';
import type { PageItem } from './PageItem.js';

/** The code of a record held back until its parent syncs: pending, counted as waiting, not failed. */
export const PARENT_NOT_SYNCED = 'PARENT_NOT_SYNCED';
/** The code of a record kept pending because its parent is left out: read again each run. */
export const PARENT_LEFT_OUT = 'PARENT_LEFT_OUT';

export interface ParentCheck {
  /** Parents found, per item, by the name the task gave each reference. */
  resolved: Map<PageItem, Record<string, ResolvedParent>>;
  /** Items left out because a parent was left out by its own task's filters. */
  excluded: Map<PageItem, RecordExclusion>;
}

/**
 * Looks up, for every item still going, the parents it names by natural key (one state-store
 * query per reference per page). An item whose parent has not been synced waits; one whose
 * parent is failing says why; one whose parent was left out is left out; the rest get their
 * resolved parents for the transforms.
 */
export async function checkParents(
  items: readonly PageItem[],
  references: readonly ParentReference[],
  state: Pick<StateStore, 'findParents'>,
  taskId: string,
): Promise<ParentCheck> {
  const resolved = new Map<PageItem, Record<string, ResolvedParent>>();
  const excluded = new Map<PageItem, RecordExclusion>();
  for (const reference of references) {
    const wanted = new Map<PageItem, { key: string; naturalKey: NaturalKey }>();
    for (const item of items) {
      if (item.failure || excluded.has(item)) continue;
      const key = readParentKey(item.record.data, reference);
      if (key !== null) {
        wanted.set(item, { key, naturalKey: naturalKey(key) });
        continue;
      }
      if (reference.optional) continue;
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: item.key,
        code: 'PARENT_KEY_MISSING',
        message: `The record names no ${reference.name} (${[reference.sourceField].flat().join(' or ')} is blank)`,
      };
    }
    const statuses = await state.findParents(reference.tasks, [
      ...new Set([...wanted.values()].map((parent) => parent.naturalKey)),
    ]);
    for (const [item, { key, naturalKey: indexed }] of wanted) {
      const status = statuses.get(indexed);
      if (status?.state === 'synced') {
        resolved.set(item, { ...resolved.get(item), [reference.name]: { taskKey: status.taskKey, key } });
        continue;
      }
      if (status?.state === 'excluded') {
        const reason = `only records whose ${reference.name} is synced (${key} was left out by ${status.taskKey})`;
        excluded.set(item, {
          taskId,
          sourceId: item.record.id,
          key: item.key,
          rule: `parent:${reference.name}`,
          reason,
        });
        continue;
      }
      // A parent that itself waits, or is kept for its own parent, makes its children wait too.
      const parentWaits =
        status?.state === 'failed' && (status.code === PARENT_NOT_SYNCED || status.code === PARENT_LEFT_OUT);
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: item.key,
        ...(status && parentWaits
          ? {
              code: PARENT_NOT_SYNCED,
              message: `Its ${reference.name} ${key} waits in ${status.taskKey}: ${status.message}`,
            }
          : status
            ? {
                code: 'PARENT_FAILED',
                message: `Its ${reference.name} ${key} failed in ${status.taskKey}: ${status.message}`,
              }
            : {
                code: PARENT_NOT_SYNCED,
                message: `Its ${reference.name} ${key} has not been synced yet (${reference.tasks.join(' or ')}); tried again at the next run`,
              }),
      };
    }
  }
  return { resolved, excluded };
}
