import { randomUUID } from 'node:crypto';
import type { Connector, ConnectorRegistry, RecordDestination, RecordSource, SourcePage, WriteRequest } from '../connectors/index.js';
import { ConfigError, RecordError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import { addCounts, emptyCounts, type PageCommit, type RecordFailure, type RunCounts, type StateStore } from '../state/index.js';
import type { EntityTemplate, TaskDefinition } from '../templates/index.js';
import { assignMissingKeys } from './assignMissingKeys.js';
import type { PageItem } from './PageItem.js';
import { RecordMapper } from './RecordMapper.js';
import { rejectDuplicateKeys } from './rejectDuplicateKeys.js';
import { rowHash } from './rowHash.js';
import type { RunOptions, TaskSettings } from './RunOptions.js';
import type { PlannedWrite } from './RunSummary.js';
import { taskSettingsSchema } from './RunOptions.js';

export interface TaskResult {
  counts: RunCounts;
  failures: RecordFailure[];
  planned: PlannedWrite[];
}

const KEPT_IN_SUMMARY = 50;

/**
 * Runs one task: reads its source page by page and, for each page, assigns missing keys,
 * rejects duplicates, maps, skips what is unchanged, writes the rest, then stores the page's
 * outcomes with the checkpoint in one commit. The checkpoint only ever moves past records whose
 * outcome is stored.
 */
export class TaskSync {
  readonly #source: RecordSource;
  readonly #destination: RecordDestination;
  readonly #mapper: RecordMapper;
  readonly #settings: TaskSettings;
  readonly #taskKey: string;
  readonly #result: TaskResult = { counts: emptyCounts(), failures: [], planned: [] };

  constructor(
    private readonly template: EntityTemplate,
    private readonly task: TaskDefinition,
    private readonly options: RunOptions,
    private readonly state: StateStore,
    connectors: ConnectorRegistry,
    private readonly logger: Logger,
  ) {
    this.#settings = options.settings[task.id] ?? taskSettingsSchema.parse({});
    this.#taskKey = `${template.id}/${task.id}`;
    this.#source = sideOf(connectors.get(task.source.connector), 'source', task);
    this.#destination = sideOf(connectors.get(task.destination.connector), 'destination', task);
    this.#mapper = new RecordMapper(
      task,
      this.#settings,
      options.organizations,
      `templates.${template.id}.tasks.${task.id}`,
    );
  }

  get result(): TaskResult {
    return this.#result;
  }

  /** `runId` is null for a dry run. */
  async run(runId: string | null): Promise<TaskResult> {
    const { dryRun } = this.options;
    const checkpoint = this.options.full ? null : await this.state.getCheckpoint(this.#taskKey);
    const readsAll = checkpoint === null;
    // A dry run keeps its key index apart and throws it away: it leaves no trace.
    const scope = dryRun ? `dry-run:${randomUUID()}` : this.#taskKey;
    let total: number | null = null;
    try {
      if (this.task.naturalKey.rejectDuplicates && readsAll) total = await this.#scanKeys(scope);
      // Only a scan makes the index fresh; without one it may hold keys from earlier runs.
      const indexIsFresh = total !== null;
      this.logger.info(`${this.task.id}: reading ${readsAll ? 'every record' : 'changes since the last run'}`);
      for await (const page of this.#source.read({
        checkpoint,
        pageSize: this.#settings.pageSize,
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      })) {
        const commit = await this.#processPage(page, runId ?? '', scope, indexIsFresh);
        this.#result.counts = addCounts(this.#result.counts, commit.counts);
        if (this.#result.failures.length < KEPT_IN_SUMMARY) {
          this.#result.failures.push(...commit.failures.slice(0, KEPT_IN_SUMMARY - this.#result.failures.length));
        }
        if (!dryRun) await this.state.commitPage(commit);
        this.options.onProgress?.({ phase: 'sync', taskId: this.task.id, counts: this.#result.counts, total });
      }
    } finally {
      if (dryRun) await this.state.clearKeyIndex(scope);
    }
    return this.#result;
  }

  async #scanKeys(scope: string): Promise<number | null> {
    const scan = this.#source.scanKeys;
    if (!scan) return null;
    const { sourceField } = this.task.naturalKey;
    await this.state.clearKeyIndex(scope);
    let scanned = 0;
    for await (const holders of scan.call(this.#source, sourceField, { pageSize: 5000 })) {
      const keyed = holders.filter((h) => h.key !== null && h.key.trim() !== '');
      await this.state.putKeys(
        scope,
        keyed.map((h) => ({ id: h.id, key: h.key!.trim().toUpperCase() })),
      );
      scanned += holders.length;
      this.options.onProgress?.({ phase: 'scan', taskId: this.task.id, scanned });
    }
    return scanned;
  }

  async #processPage(page: SourcePage, runId: string, scope: string, indexIsFresh: boolean): Promise<PageCommit> {
    const { naturalKey } = this.task;
    const taskId = this.task.id;
    const items: PageItem[] = page.records.map((record) => {
      const raw = record.data[naturalKey.sourceField];
      const key = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
      return { record, key, keyGenerated: false, failure: null };
    });
    const counts: Partial<RunCounts> = { read: items.length };

    await assignMissingKeys(items, naturalKey, this.#source, this.state, taskId, this.options.dryRun);
    counts.keysGenerated = items.filter((i) => i.keyGenerated && i.failure === null).length;
    if (naturalKey.rejectDuplicates) {
      await rejectDuplicateKeys(items, naturalKey, this.#source, this.state, scope, indexIsFresh, taskId);
    }

    const requests: (WriteRequest & { item: PageItem; hash: string })[] = [];
    for (const item of items) {
      if (item.failure) continue;
      const mapped = this.#mapper.map(item.record.data);
      if (!mapped.ok) {
        item.failure = failureOf(item, mapped.error, taskId);
        continue;
      }
      const key = this.task.destination.ref.key.map((field) => String(mapped.row[field] ?? '')).join('|');
      requests.push({ key, row: mapped.row, knownToExist: false, item, hash: rowHash(mapped.row) });
    }

    const stored = await this.state.getHashes(this.#taskKey, requests.map((r) => r.key));
    const written: PageCommit['written'] = [];
    const changed = requests.filter((request) => {
      const previous = stored.get(request.key);
      request.knownToExist = previous !== undefined;
      return previous !== request.hash;
    });
    counts.unchanged = requests.length - changed.length;

    for (let start = 0; start < changed.length; start += this.#settings.batchSize) {
      const batch = changed.slice(start, start + this.#settings.batchSize);
      const outcomes = await this.#destination.write(
        batch.map(({ key, row, knownToExist }) => ({ key, row, knownToExist })),
        { dryRun: this.options.dryRun, ...(this.options.signal ? { signal: this.options.signal } : {}) },
      );
      const byKey = new Map(outcomes.map((o) => [o.key, o]));
      for (const request of batch) {
        const outcome = byKey.get(request.key);
        if (!outcome) {
          request.item.failure = failureOf(request.item, new RecordError('The destination gave no outcome for this record', { code: 'NO_OUTCOME' }), taskId);
          continue;
        }
        if (outcome.status === 'failed') {
          request.item.failure = { taskId, sourceId: request.item.record.id, key: request.item.key, code: outcome.code, message: outcome.message };
          continue;
        }
        counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
        written.push({ key: request.key, hash: request.hash });
        if (this.options.dryRun && outcome.status !== 'unchanged' && this.#result.planned.length < KEPT_IN_SUMMARY) {
          this.#result.planned.push({ taskId, key: request.key, status: outcome.status });
        }
      }
    }

    const failures = items.flatMap((item) => (item.failure ? [item.failure] : []));
    counts.failed = failures.length;
    return {
      runId,
      taskKey: this.#taskKey,
      counts,
      failures,
      written,
      checkpoint: page.checkpoint,
    };
  }
}

function failureOf(item: PageItem, error: RecordError, taskId: string): RecordFailure {
  return { taskId, sourceId: item.record.id, key: item.key, code: error.code, message: error.message };
}

function sideOf(connector: Connector, side: 'source', task: TaskDefinition): RecordSource;
function sideOf(connector: Connector, side: 'destination', task: TaskDefinition): RecordDestination;
function sideOf(connector: Connector, side: 'source' | 'destination', task: TaskDefinition): RecordSource | RecordDestination {
  const ref = side === 'source' ? task.source.ref : task.destination.ref;
  const made = side === 'source' ? connector.source?.(ref) : connector.destination?.(ref);
  if (!made) {
    throw new ConfigError(`Task '${task.id}': the ${connector.kind} connection cannot be a ${side} of ${ref.entity}`, {
      code: 'CONNECTOR_SIDE_MISSING',
    });
  }
  return made;
}
