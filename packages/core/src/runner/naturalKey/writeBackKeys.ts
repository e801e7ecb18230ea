import type { RecordSource } from '../../connectors/index.js';
import type { StateStore } from '../../state/index.js';
import { formatSequenceValue, type NumberSequence } from '../../templates/index.js';

export type KeyWriteBack =
  { id: string; key: string; ok: true } | { id: string; key: string; ok: false; message: string };

/**
 * Gives each record a key from the sequence, in the order the issue asks for: reserve in the
 * state store, write back to the source, then confirm. A crash between the steps reuses the
 * reservation next time, so no number is handed out twice.
 */
export async function writeBackKeys(
  ids: readonly string[],
  sequence: NumberSequence,
  sourceField: string,
  source: Required<Pick<RecordSource, 'writeKeys'>>,
  state: Pick<StateStore, 'reserveSequenceValue' | 'confirmSequenceValue'>,
): Promise<KeyWriteBack[]> {
  const assignments: { id: string; key: string }[] = [];
  for (const id of ids) {
    const { value } = await state.reserveSequenceValue(sequence.name, id, sequence.start, (n) =>
      formatSequenceValue(sequence, n),
    );
    assignments.push({ id, key: value });
  }
  const outcomes = await source.writeKeys(sourceField, assignments);
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const results: KeyWriteBack[] = [];
  for (const { id, key } of assignments) {
    const outcome = byId.get(id);
    if (outcome?.ok) {
      await state.confirmSequenceValue(sequence.name, id);
      results.push({ id, key, ok: true });
    } else {
      results.push({ id, key, ok: false, message: outcome?.message ?? 'no answer' });
    }
  }
  return results;
}
