import type { RecordDestination, WriteOptions, WriteStatus } from '../../connectors/index.js';
import { runConcurrently } from '../runConcurrently.js';
import { failureOf } from './failureOf.js';
import type { RecordWrite } from './RecordWrite.js';
import { writeBatch } from './writeBatch.js';

export interface WriteSettings {
  batchSize: number;
  /** Batches in flight at once. */
  concurrency: number;
  options: WriteOptions;
  warn: (message: string) => void;
}

/**
 * Writes the changed rows in batches, several at a time, and gives back the ones the
 * destination took with what became of each, in page order; a row it refused, or gave no
 * outcome for, fails its item.
 */
export async function writeChanges(
  changed: readonly RecordWrite[],
  destination: RecordDestination,
  settings: WriteSettings,
  taskId: string,
): Promise<{ write: RecordWrite; status: WriteStatus }[]> {
  const batches: RecordWrite[][] = [];
  for (let start = 0; start < changed.length; start += settings.batchSize) {
    batches.push(changed.slice(start, start + settings.batchSize));
  }
  const results = await runConcurrently(batches, settings.concurrency, async (batch) => ({
    batch,
    outcomes: await writeBatch(destination, batch, settings.options, settings.warn),
  }));
  const taken: { write: RecordWrite; status: WriteStatus }[] = [];
  for (const { batch, outcomes } of results) {
    const byKey = new Map(outcomes.map((outcome) => [outcome.key, outcome]));
    for (const write of batch) {
      const outcome = byKey.get(write.key);
      if (!outcome) {
        write.item.failure = failureOf(
          write.item,
          'NO_OUTCOME',
          'The destination gave no outcome for this record',
          taskId,
        );
      } else if (outcome.status === 'failed') {
        write.item.failure = failureOf(write.item, outcome.code, outcome.message, taskId);
      } else {
        taken.push({ write, status: outcome.status });
      }
    }
  }
  return taken;
}
