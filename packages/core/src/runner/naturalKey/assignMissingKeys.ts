import type { RecordSource } from '../../connectors/index.js';
import type { StateStore } from '../../state/index.js';
import type { NaturalKeyPolicy } from '../../templates/index.js';
import { giveKey, type PageItem } from '../PageItem.js';
import { writeBackKeys } from './writeBackKeys.js';

/**
 * Gives every record of the page without a natural key one from the task's sequence, written
 * back to the source first; without a sequence (or a source that takes keys back) such records fail.
 */
export async function assignMissingKeys(
  items: PageItem[],
  policy: NaturalKeyPolicy,
  source: RecordSource,
  state: StateStore,
  taskId: string,
  dryRun: boolean,
): Promise<void> {
  const missing = items.filter((item) => item.failure === null && item.key === null);
  if (missing.length === 0) return;
  const { sequence } = policy;
  if (!sequence || !takesKeys(source)) {
    for (const item of missing) {
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: null,
        code: 'MISSING_KEY',
        message: `No ${policy.label}: a record without one is not synced until it has one`,
      };
    }
    return;
  }
  if (dryRun) {
    for (const item of missing) giveKey(item, `(new ${sequence.prefix} number)`, policy);
    return;
  }
  const written = await writeBackKeys(
    missing.map((item) => item.record.id),
    sequence,
    policy.sourceField,
    source,
    state,
  );
  // One result per id, in the order asked.
  missing.forEach((item, index) => {
    const result = written[index];
    if (result === undefined) throw new Error('writeBackKeys gave back fewer results than it was given ids');
    if (result.ok) {
      giveKey(item, result.key, policy);
      return;
    }
    item.failure = {
      taskId,
      sourceId: item.record.id,
      key: null,
      code: 'KEY_WRITE_BACK_FAILED',
      message: `Could not write the generated ${policy.label} ${result.key} back to the source: ${result.message}`,
    };
  });
}

function takesKeys(source: RecordSource): source is RecordSource & Required<Pick<RecordSource, 'writeKeys'>> {
  return source.writeKeys !== undefined;
}
