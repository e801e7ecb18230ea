import type { RecordFailure } from '../../state/index.js';
import type { PageItem } from '../PageItem.js';

/** The item's failure as the run's history keeps it. */
export function failureOf(item: PageItem, code: string, message: string, taskId: string): RecordFailure {
  return { taskId, sourceId: item.record.id, key: item.key, code, message };
}
