import type { RecordDeletion, StateStore } from '../../state/index.js';
import type { TaskSettings } from '../RunOptions.js';

/**
 * Records deleted in the source: forgotten by the key index (a real run only) and listed in the
 * run's history, unless the task's settings ignore deletions.
 */
export async function recordDeletions(
  ids: readonly string[],
  state: Pick<StateStore, 'putKeys'>,
  options: { scope: string; dryRun: boolean; onDelete: TaskSettings['onDelete']; taskId: string },
): Promise<RecordDeletion[]> {
  if (ids.length === 0) return [];
  if (!options.dryRun)
    await state.putKeys(
      options.scope,
      ids.map((id) => ({ id, key: null })),
    );
  if (options.onDelete === 'ignore') return [];
  return ids.map((sourceId) => ({ taskId: options.taskId, sourceId, key: null }));
}
