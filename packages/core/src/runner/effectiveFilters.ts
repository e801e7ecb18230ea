import { describeCondition, type RecordCondition } from '../templates/RecordCondition.js';
import type { TaskDefinition } from '../templates/EntityTemplate.js';
import type { TaskFilter } from '../templates/TaskFilter.js';

/** How the configuration changes a task's filters: a new condition per rule, or `false` to drop it. */
export type FilterOverrides = Readonly<Record<string, RecordCondition | false>>;

/**
 * The template's filters with the configuration's changes: a rule named in both takes the
 * configuration's condition, `false` drops a rule, and a new name adds one.
 */
export function effectiveFilters(task: TaskDefinition, overrides: FilterOverrides): Map<string, TaskFilter> {
  const filters = new Map<string, TaskFilter>(Object.entries(task.filters ?? {}));
  for (const [name, override] of Object.entries(overrides)) {
    if (override === false) {
      filters.delete(name);
      continue;
    }
    filters.set(name, { description: `${describeCondition(override)} (from the configuration)`, where: override });
  }
  return filters;
}
