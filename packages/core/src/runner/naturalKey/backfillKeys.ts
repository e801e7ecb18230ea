import type { ConnectorRegistry, KeyAssignment, RecordSource } from '../../connectors/index.js';
import { ConfigError } from '../../errors/index.js';
import type { StateStore } from '../../state/index.js';
import type { EntityTemplate, NumberSequence, TaskDefinition } from '../../templates/index.js';
import { keyText } from './NaturalKey.js';
import { writeBackKeys } from './writeBackKeys.js';

export interface BackfillOptions {
  template: EntityTemplate;
  state: StateStore;
  connectors: ConnectorRegistry;
  /** Count what would change, change nothing. */
  dryRun: boolean;
  /** Records written back per request. */
  batchSize?: number;
  onProgress?: (progress: { scanned: number; assigned: number }) => void;
}

export interface BackfillResult {
  taskId: string;
  dryRun: boolean;
  scanned: number;
  /** Records that had no key and now have one (or would have, in a dry run). */
  assignedCount: number;
  /** The first assignments made, for the report. */
  assigned: KeyAssignment[];
  failures: { id: string; message: string }[];
}

const KEPT_IN_REPORT = 100;

/**
 * The upgrade script: gives every source record without a natural key one from the task's
 * sequence, written back to the source. Safe to re-run: records that have a key are left alone,
 * and a reservation that was not written back is reused.
 */
export async function backfillKeys(options: BackfillOptions): Promise<BackfillResult> {
  const { task, sequence } = keyedTask(options.template);
  const { naturalKey } = task;
  const source = options.connectors.get(task.source.connector).source?.(task.source.ref);
  if (!canBackfill(source)) {
    throw new ConfigError(`Task '${task.id}': its source cannot list and write ${naturalKey.label}s`, {
      code: 'BACKFILL_UNSUPPORTED',
    });
  }
  const result: BackfillResult = {
    taskId: task.id,
    dryRun: options.dryRun,
    scanned: 0,
    assignedCount: 0,
    assigned: [],
    failures: [],
  };
  const batchSize = options.batchSize ?? 100;
  let pending: string[] = [];

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const ids = pending;
    pending = [];
    if (options.dryRun) {
      result.assignedCount += ids.length;
      return;
    }
    for (const written of await writeBackKeys(ids, sequence, naturalKey.sourceField, source, options.state)) {
      if (!written.ok) {
        result.failures.push({ id: written.id, message: written.message });
        continue;
      }
      result.assignedCount += 1;
      if (result.assigned.length < KEPT_IN_REPORT) result.assigned.push({ id: written.id, key: written.key });
    }
  };

  for await (const holders of source.scanKeys(naturalKey.sourceField, { pageSize: 5000 })) {
    result.scanned += holders.length;
    for (const holder of holders) {
      if (keyText(holder.key) === null) pending.push(holder.id);
      if (pending.length >= batchSize) await flush();
    }
    options.onProgress?.({ scanned: result.scanned, assigned: result.assignedCount });
  }
  await flush();
  options.onProgress?.({ scanned: result.scanned, assigned: result.assignedCount });
  return result;
}

function keyedTask(template: EntityTemplate): { task: TaskDefinition; sequence: NumberSequence } {
  for (const task of template.tasks) {
    const { sequence } = task.naturalKey;
    if (sequence !== undefined) return { task, sequence };
  }
  throw new ConfigError(`Template '${template.id}' has no task with a number sequence to backfill`, {
    code: 'BACKFILL_UNSUPPORTED',
  });
}

/** A source that can list every record's key and write generated keys back. */
type BackfillSource = RecordSource & Required<Pick<RecordSource, 'scanKeys' | 'writeKeys'>>;

function canBackfill(source: RecordSource | undefined): source is BackfillSource {
  return source?.scanKeys !== undefined && source.writeKeys !== undefined;
}
