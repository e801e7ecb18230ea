import { randomUUID } from 'node:crypto';
import type {
  Connector,
  ConnectorRegistry,
  RecordDestination,
  RecordSource,
  SourcePage,
  WriteOutcome,
  WriteRequest,
} from '../connectors/index.js';
import { ConfigError, isP2cError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';
import {
  addCounts,
  emptyCounts,
  type PageCommit,
  type RecordDeletion,
  type RecordExclusion,
  type RecordFailure,
  type RunCounts,
  type StateStore,
} from '../state/index.js';
import { readPath, type RecordContext } from '../mapping/index.js';
import { meetsCondition, type EntityTemplate, type TaskDefinition, type TaskFilter } from '../templates/index.js';
import { assignMissingKeys } from './assignMissingKeys.js';
import { checkParents, PARENT_LEFT_OUT, PARENT_NOT_SYNCED } from './checkParents.js';
import type { DryRunParents } from './DryRunParents.js';
import { effectiveFilters } from './effectiveFilters.js';
import { loadReferences } from './loadReferences.js';
import { normalizeKey, type PageItem } from './PageItem.js';
import { RecordMapper } from './RecordMapper.js';
import { rejectDuplicateKeys } from './rejectDuplicateKeys.js';
import { rowHash } from './rowHash.js';
import { runConcurrently } from './runConcurrently.js';
import { taskSettingsSchema, type RunOptions, type TaskSettings } from './RunOptions.js';
import type { PlannedWrite } from './RunSummary.js';

export interface TaskResult {
  counts: RunCounts;
  failures: RecordFailure[];
  planned: PlannedWrite[];
  deletions: RecordDeletion[];
  excluded: RecordExclusion[];
  notes: string[];
}

const KEPT_IN_SUMMARY = 50;
/** Pending records tried again per run at most; the rest wait for the next one. */
const PENDING_PER_RUN = 50_000;

type Request = WriteRequest & { item: PageItem; hash: string };

/**
 * Runs one task: reads its source page by page and, for each page, assigns missing keys,
 * rejects duplicates, maps, skips what is unchanged, writes the rest, then stores the page's
 * outcomes with the checkpoint in one commit. The checkpoint only ever moves past records whose
 * outcome is stored. Records that failed in earlier runs and were not read again are read by id
 * and tried again at the end.
 *
 * Throughput without unbounded memory: the next page is read, and processed, while the current
 * one is written and committed (three pages in memory at most; commits stay in page order), and
 * a page's batches are written several at a time.
 */
export class TaskSync {
  readonly #source: RecordSource;
  readonly #destination: RecordDestination;
  readonly #mapper: RecordMapper;
  readonly #settings: TaskSettings;
  readonly #taskKey: string;
  readonly #result: TaskResult = {
    counts: emptyCounts(),
    failures: [],
    planned: [],
    deletions: [],
    excluded: [],
    notes: [],
  };
  readonly #connectors: ConnectorRegistry;
  readonly #filters: Map<string, TaskFilter>;
  #references: RecordContext['references'] = {};
  #signal: AbortSignal | undefined;

  constructor(
    template: EntityTemplate,
    private readonly task: TaskDefinition,
    private readonly options: RunOptions,
    private readonly state: StateStore,
    connectors: ConnectorRegistry,
    private readonly logger: Logger,
    /** A dry run's planned parents (it stores nothing); absent for a real run. */
    private readonly dryRunParents?: DryRunParents,
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
    this.#connectors = connectors;
    this.#filters = effectiveFilters(task, this.#settings.filters);
  }

  get result(): TaskResult {
    return this.#result;
  }

  /** `runId` is null for a dry run; `lockLost` aborts when another run took the lock. */
  async run(runId: string | null, lockLost?: AbortSignal): Promise<TaskResult> {
    const { dryRun } = this.options;
    const signals = [this.options.signal, lockLost].filter((s): s is AbortSignal => s !== undefined);
    this.#signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    // A dry run keeps its key index apart and throws it away: it leaves no trace.
    const scope = dryRun ? `dry-run:${randomUUID()}` : this.#taskKey;
    const pending = new Set(
      (await this.state.listPending(this.#taskKey, { limit: PENDING_PER_RUN })).map((record) => record.sourceId),
    );
    const context: PageContext = { runId: runId ?? '', scope, indexIsFresh: false, pending };
    this.#references = await loadReferences(this.task, this.#connectors, this.#signal);
    try {
      if (!this.options.pendingOnly) await this.#readChanges(context);
      await this.#retryPending(context);
    } finally {
      if (dryRun) await this.state.clearKeyIndex(scope);
    }
    return this.#result;
  }

  async #readChanges(context: PageContext): Promise<void> {
    const checkpoint = this.options.full ? null : await this.state.getCheckpoint(this.#taskKey);
    let total: number | null = null;
    if (this.task.naturalKey.rejectDuplicates && checkpoint === null) total = await this.#scanKeys(context.scope);
    // Only a scan makes the index fresh; without one it may hold keys from earlier runs.
    context.indexIsFresh = total !== null;
    this.logger.info(`${this.task.id}: reading ${checkpoint === null ? 'every record' : 'changes since the last run'}`);
    const reading = this.#source.read({
      checkpoint,
      pageSize: this.#settings.pageSize,
      log: (message) => this.#note(`${this.task.id}: ${message}`),
      ...(this.#signal ? { signal: this.#signal } : {}),
    });
    const pages = reading[Symbol.asyncIterator]();
    let next = pages.next();
    // Commits go in page order; while one page is written and committed, the next is already
    // being processed and the one after it read (three pages in memory at most).
    let previous: Promise<void> = Promise.resolve();
    const failure: { error?: unknown; happened: boolean } = { happened: false };
    try {
      for (;;) {
        const result = await next;
        if (result.done) break;
        next = pages.next();
        next.catch(() => undefined);
        this.#signal?.throwIfAborted();
        if (failure.happened) throw failure.error;
        const processed = this.#processPage(result.value, context);
        const committed = Promise.all([processed, previous]).then(([commit]) => this.#commit(commit, total));
        committed.catch((error: unknown) => {
          if (!failure.happened) Object.assign(failure, { happened: true, error });
        });
        const before = previous;
        previous = committed;
        await before;
      }
      await previous;
    } finally {
      // Nothing of this task may still be writing once it has ended, whichever way.
      await previous.catch(() => undefined);
      await pages.return?.();
    }
  }

  /** Records that failed before and were not read again in this run: read them by id and try again. */
  async #retryPending(context: PageContext): Promise<void> {
    const ids = [...context.pending];
    if (ids.length === 0 || !this.#source.readByIds) return;
    this.logger.info(`${this.task.id}: trying again ${ids.length} record(s) that failed before`);
    for (let start = 0; start < ids.length; start += this.#settings.pageSize) {
      const chunk = ids.slice(start, start + this.#settings.pageSize);
      const records = await this.#source.readByIds(chunk);
      const found = new Set(records.map((record) => record.id));
      const gone = chunk.filter((id) => !found.has(id));
      await this.#handle({ records, deleted: gone, checkpoint: null }, context, null, records.length);
    }
  }

  async #handle(page: SourcePage, context: PageContext, total: number | null, retried: number): Promise<void> {
    this.#signal?.throwIfAborted();
    const commit = await this.#processPage(page, context);
    commit.counts.retried = retried;
    await this.#commit(commit, total);
  }

  /** Counts, summary and the page's commit; pages are committed in the order they were read. */
  async #commit(commit: PageCommit, total: number | null): Promise<void> {
    this.#result.counts = addCounts(this.#result.counts, commit.counts);
    keepFirst(this.#result.failures, commit.failures);
    keepFirst(this.#result.deletions, commit.deleted);
    keepFirst(this.#result.excluded, commit.excluded ?? []);
    if (!this.options.dryRun) await this.state.commitPage(commit);
    else this.dryRunParents?.add(this.#taskKey, commit.synced ?? []);
    this.options.onProgress?.({ phase: 'sync', taskId: this.task.id, counts: this.#result.counts, total });
  }

  async #scanKeys(scope: string): Promise<number | null> {
    const source = this.#source;
    if (!source.scanKeys) return null;
    const { sourceField } = this.task.naturalKey;
    await this.state.clearKeyIndex(scope);
    let scanned = 0;
    for await (const holders of source.scanKeys(sourceField, { pageSize: 5000 })) {
      await this.state.putKeys(
        scope,
        holders.flatMap(({ id, key }) => (key !== null && key.trim() !== '' ? [{ id, key: normalizeKey(key) }] : [])),
      );
      scanned += holders.length;
      this.options.onProgress?.({ phase: 'scan', taskId: this.task.id, scanned });
    }
    return scanned;
  }

  async #processPage(page: SourcePage, context: PageContext): Promise<PageCommit> {
    const { naturalKey } = this.task;
    const taskId = this.task.id;
    const read: PageItem[] = page.records.map((record) => {
      context.pending.delete(record.id);
      const raw = naturalKey.compose ? naturalKey.compose(record.data) : readPath(record.data, naturalKey.sourceField);
      const key = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
      return { record, key, keyGenerated: false, failure: null };
    });
    const counts: Partial<RunCounts> = { read: read.length };
    // Left out before anything else: no number is generated for a record that is not synced.
    const excluded = this.#exclusionsOf(read);
    const left = new Set(excluded.map((exclusion) => exclusion.sourceId));
    const items = left.size === 0 ? read : read.filter((item) => !left.has(item.record.id));
    counts.filtered = excluded.length;
    const deleted = await this.#deletionsOf(page.deleted ?? [], context);
    counts.deleted = deleted.length;

    await assignMissingKeys(items, naturalKey, this.#source, this.state, taskId, this.options.dryRun);
    counts.keysGenerated = items.filter((i) => i.keyGenerated && i.failure === null).length;
    if (naturalKey.rejectDuplicates) {
      await rejectDuplicateKeys(
        items,
        naturalKey,
        this.#source,
        this.state,
        context.scope,
        context.indexIsFresh,
        taskId,
      );
    }

    const parents = this.task.parents?.length
      ? await checkParents(items, this.task.parents, this.dryRunParents ?? this.state, taskId)
      : null;
    for (const exclusion of parents?.excluded.values() ?? []) excluded.push(exclusion);
    counts.filtered = excluded.length;
    const requests: Request[] = [];
    for (const item of items) {
      if (item.failure || parents?.excluded.has(item)) continue;
      const about: RecordContext = {
        key: item.key,
        parents: parents?.resolved.get(item) ?? {},
        references: this.#references ?? {},
      };
      const mapped = this.#mapper.map(item.record.data, about);
      if (!mapped.ok) {
        item.failure = failureOf(item, mapped.error.code, mapped.error.message, taskId);
        continue;
      }
      const key = this.task.destination.ref.key.map((field) => String(mapped.row[field] ?? '')).join('|');
      requests.push({ key, row: mapped.row, knownToExist: false, item, hash: rowHash(mapped.row) });
    }

    const stored = await this.state.getHashes(
      this.#taskKey,
      requests.map((r) => r.key),
    );
    const succeeded: string[] = [];
    const synced: string[] = [];
    const written: PageCommit['written'] = [];
    const changed = requests.filter((request) => {
      const previous = stored.get(request.key);
      request.knownToExist = previous !== undefined;
      if (previous === request.hash) {
        succeeded.push(request.item.record.id);
        if (request.item.key !== null) synced.push(normalizeKey(request.item.key));
      }
      return previous !== request.hash;
    });
    counts.unchanged = requests.length - changed.length;

    const batches: Request[][] = [];
    for (let start = 0; start < changed.length; start += this.#settings.batchSize) {
      batches.push(changed.slice(start, start + this.#settings.batchSize));
    }
    const results = await runConcurrently(batches, this.#settings.writeConcurrency, async (batch) => ({
      batch,
      outcomes: await this.#write(batch),
    }));
    for (const { batch, outcomes } of results) {
      const byKey = new Map(outcomes.map((o) => [o.key, o]));
      for (const request of batch) {
        const outcome = byKey.get(request.key);
        if (!outcome || outcome.status === 'failed') {
          request.item.failure = outcome
            ? failureOf(request.item, outcome.code, outcome.message, taskId)
            : failureOf(request.item, 'NO_OUTCOME', 'The destination gave no outcome for this record', taskId);
          continue;
        }
        counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
        succeeded.push(request.item.record.id);
        if (request.item.key !== null) synced.push(normalizeKey(request.item.key));
        written.push({ key: request.key, hash: request.hash });
        if (this.options.dryRun && outcome.status !== 'unchanged' && this.#result.planned.length < KEPT_IN_SUMMARY) {
          this.#result.planned.push({ taskId, key: request.key, status: outcome.status });
        }
      }
    }

    const failures = items.flatMap((item) => (item.failure ? [item.failure] : []));
    counts.waiting = failures.filter((failure) => failure.code === PARENT_NOT_SYNCED).length;
    counts.failed = failures.length - counts.waiting;
    return {
      runId: context.runId,
      taskKey: this.#taskKey,
      counts,
      failures,
      succeeded,
      deleted,
      written,
      excluded,
      synced,
      parked: [...(parents?.excluded.values() ?? [])].map(({ sourceId, key, reason }) => ({
        sourceId,
        key,
        code: PARENT_LEFT_OUT,
        message: reason,
      })),
      checkpoint: page.checkpoint,
    };
  }

  /** Records that fail one of the task's filters, each with the first rule it fails. */
  #exclusionsOf(items: readonly PageItem[]): RecordExclusion[] {
    if (this.#filters.size === 0) return [];
    const excluded: RecordExclusion[] = [];
    for (const item of items) {
      for (const [rule, filter] of this.#filters) {
        if (meetsCondition(item.record.data, filter.where)) continue;
        excluded.push({
          taskId: this.task.id,
          sourceId: item.record.id,
          key: item.key,
          rule,
          reason: filter.description,
        });
        break;
      }
    }
    return excluded;
  }

  /**
   * One write request. A fault of the request as a whole that is not fatal (the service stayed
   * unavailable through the retries, an answer that never came) fails its records, which the
   * next run tries again; a fatal one (authentication) stops the run.
   */
  async #write(batch: Request[]): Promise<WriteOutcome[]> {
    try {
      return await this.#destination.write(
        batch.map(({ key, row, knownToExist }) => ({ key, row, knownToExist })),
        {
          dryRun: this.options.dryRun,
          changesetSize: this.#settings.changesetSize,
          ...(this.#signal ? { signal: this.#signal } : {}),
        },
      );
    } catch (error) {
      if (!isP2cError(error) || error.kind === 'fatal' || error.kind === 'config') throw error;
      this.logger.warn(`${this.task.id}: a write of ${batch.length} record(s) failed: ${error.message}`);
      return batch.map((request) => ({
        key: request.key,
        status: 'failed',
        code: error.code,
        message: `The write did not complete: ${error.message}`,
        retryable: error.kind === 'transient',
      }));
    }
  }

  async #deletionsOf(ids: readonly string[], context: PageContext): Promise<RecordDeletion[]> {
    if (ids.length === 0) return [];
    for (const id of ids) context.pending.delete(id);
    if (!this.options.dryRun)
      await this.state.putKeys(
        context.scope,
        ids.map((id) => ({ id, key: null })),
      );
    if (this.#settings.onDelete === 'ignore') return [];
    return ids.map((sourceId) => ({ taskId: this.task.id, sourceId, key: null }));
  }

  #note(message: string): void {
    this.logger.warn(message);
    this.#result.notes.push(message);
  }
}

interface PageContext {
  runId: string;
  scope: string;
  indexIsFresh: boolean;
  /** Ids of records that failed before and have not been seen in this run yet. */
  pending: Set<string>;
}

function keepFirst<T>(kept: T[], more: readonly T[]): void {
  if (kept.length < KEPT_IN_SUMMARY) kept.push(...more.slice(0, KEPT_IN_SUMMARY - kept.length));
}

function failureOf(item: PageItem, code: string, message: string, taskId: string): RecordFailure {
  return { taskId, sourceId: item.record.id, key: item.key, code, message };
}

function sideOf(connector: Connector, side: 'source', task: TaskDefinition): RecordSource;
function sideOf(connector: Connector, side: 'destination', task: TaskDefinition): RecordDestination;
function sideOf(
  connector: Connector,
  side: 'source' | 'destination',
  task: TaskDefinition,
): RecordSource | RecordDestination {
  const ref = side === 'source' ? task.source.ref : task.destination.ref;
  const made = side === 'source' ? connector.source?.(ref) : connector.destination?.(ref);
  if (!made) {
    throw new ConfigError(`Task '${task.id}': the ${connector.kind} connection cannot be a ${side} of ${ref.entity}`, {
      code: 'CONNECTOR_SIDE_MISSING',
    });
  }
  return made;
}
