import type { Keyed, RecordExclusion } from '../../state/index.js';
import { meetsCondition, type TaskFilter } from '../../templates/index.js';
import type { PageItem } from '../PageItem.js';

/**
 * Splits the page into the items every filter of the task lets through and the exclusions of
 * the rest, each with the first rule it fails.
 */
export function filterRecords(
  items: PageItem[],
  filters: ReadonlyMap<string, TaskFilter>,
  taskId: string,
): { kept: PageItem[]; excluded: Keyed<RecordExclusion>[] } {
  if (filters.size === 0) return { kept: items, excluded: [] };
  const kept: PageItem[] = [];
  const excluded: Keyed<RecordExclusion>[] = [];
  const rules = [...filters];
  for (const item of items) {
    const failed = rules.find(([, filter]) => !meetsCondition(item.record.data, filter.where));
    if (!failed) {
      kept.push(item);
      continue;
    }
    const [rule, filter] = failed;
    excluded.push({
      taskId,
      sourceId: item.record.id,
      key: item.key,
      naturalKey: item.naturalKey,
      rule,
      reason: filter.description,
    });
  }
  return { kept, excluded };
}
