import type { RecordSource } from '../connectors/index.js';
import type { StateStore } from '../state/index.js';
import { formatSequenceValue, type NaturalKeyPolicy } from '../templates/index.js';
import type { PageItem } from './PageItem.js';

/**
 * Gives every record without a natural key one from the task's sequence, in the order the
 * issue asks for: reserve in the state store, write back to the source, then confirm. A crash
 * between the steps reuses the reservation next time, so no number is handed out twice.
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
  if (!sequence || !source.writeKeys) {
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
    for (const item of missing) {
      item.key = `(new ${sequence.prefix} number)`;
      item.keyGenerated = true;
      // The mappings read the key from the record, as they do after a real write-back.
      item.record.data[policy.sourceField] = item.key;
    }
    return;
  }
  const reserved: { item: PageItem; value: string }[] = [];
  for (const item of missing) {
    const reservation = await state.reserveSequenceValue(sequence.name, item.record.id, sequence.start, (n) =>
      formatSequenceValue(sequence, n),
    );
    reserved.push({ item, value: reservation.value });
  }
  const outcomes = await source.writeKeys(
    policy.sourceField,
    reserved.map(({ item, value }) => ({ id: item.record.id, key: value })),
  );
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  for (const { item, value } of reserved) {
    const outcome = byId.get(item.record.id);
    if (outcome?.ok) {
      await state.confirmSequenceValue(sequence.name, item.record.id);
      item.key = value;
      item.keyGenerated = true;
      item.record.data[policy.sourceField] = value;
    } else {
      item.failure = {
        taskId,
        sourceId: item.record.id,
        key: null,
        code: 'KEY_WRITE_BACK_FAILED',
        message: `Could not write the generated ${policy.label} ${value} back to the source: ${outcome?.message ?? 'no answer'}`,
      };
    }
  }
}
