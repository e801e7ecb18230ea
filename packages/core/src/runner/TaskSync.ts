import { randomUUID } from 'node:crypto';
import type { ConnectorRegistry, RecordDestination, RecordSource, SourcePage } from '../connectors/index.js';
import type { Logger } from '../logging/index.js';
import type { RecordContext } from '../mapping/index.js';
import {
  addCounts,
  emptyCounts,
  type Keyed,
  type PageCommit,
  type RecordDeletion,
  type RecordExclusion,
  type RecordFailure,
  type RecordKeyChange,
  type RunCounts,
  type StateStore,
} from '../state/index.js';
import type { EntityTemplate, OnKeyChange, TaskDefinition, TaskFilter } from '../templates/index.js';
import { checkParents } from './checkParents.js';
import { connectorSide } from './connectorSide.js';
import type { DryRunParents } from './DryRunParents.js';
import { effectiveFilters } from './effectiveFilters.js';
import { loadReferences } from './loadReferences.js';
import { assignMissingKeys } from './naturalKey/assignMissingKeys.js';
import { checkKeyChangePolicy } from './naturalKey/checkKeyChangePolicy.js';
import { detectKeyChanges } from './naturalKey/detectKeyChanges.js';
import { rejectDuplicateKeys } from './naturalKey/rejectDuplicateKeys.js';
import { scanKeyIndex } from './naturalKey/scanKeyIndex.js';
import { pageItemOf } from './PageItem.js';
import { RecordMapper } from './RecordMapper.js';
import { taskSettingsSchema, type RunOptions, type TaskSettings } from './RunOptions.js';
import type { PlannedWrite } from './RunSummary.js';
import { filterRecords } from './stages/filterRecords.js';
import { mapRecords } from './stages/mapRecords.js';
import { pageCommitOf } from './stages/pageCommitOf.js';
import { recordDeletions } from './stages/recordDeletions.js';
import { skipUnchanged } from './stages/skipUnchanged.js';
import { writeChanges } from './stages/writeChanges.js';

export interface TaskResult {
  counts: RunCounts;
  failures: RecordFailure[];
  planned: PlannedWrite[];
  deletions: RecordDeletion[];
  excluded: RecordExclusion[];
  keyChanges: RecordKeyChange[];
  notes: string[];
}

const KEPT_IN_SUMMARY = 50;
/** Pending records tried again per run at most; the rest wait for the next one. */
const PENDING_PER_RUN = 50_000;

/**
 * Runs one task: reads its source page by page and, for each page, filters, assigns missing
 * keys, rejects duplicates, checks parents, maps, skips what is unchanged, writes the rest (each
 * a part in `stages/` or `naturalKey/`), then stores the page's outcomes with the checkpoint in
 * one commit. The checkpoint only ever moves past records whose
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
    keyChanges: [],
    notes: [],
  };
  readonly #onKeyChange: OnKeyChange;
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
    this.#source = connectorSide(connectors.get(task.source.connector), 'source', task);
    this.#destination = connectorSide(connectors.get(task.destination.connector), 'destination', task);
    this.#mapper = new RecordMapper(
      task,
      this.#settings,
      options.organizations,
      `templates.${template.id}.tasks.${task.id}`,
    );
    this.#connectors = connectors;
    this.#filters = effectiveFilters(task, this.#settings.filters);
    this.#onKeyChange = checkKeyChangePolicy(task, this.#settings.onKeyChange, this.#destination);
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
    if (this.task.naturalKey.rejectDuplicates && checkpoint === null) {
      total = await scanKeyIndex(this.#source, this.task.naturalKey, this.state, context.scope, (scanned) =>
        this.options.onProgress?.({ phase: 'scan', taskId: this.task.id, scanned }),
      );
    }
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
    keepFirst(this.#result.failures, commit.failures, shownFailure);
    keepFirst(this.#result.deletions, commit.deleted, (deletion) => deletion);
    keepFirst(this.#result.excluded, commit.excluded ?? [], shownExclusion);
    keepFirst(this.#result.keyChanges, commit.keyChanges ?? [], (change) => change);
    if (!this.options.dryRun) await this.state.commitPage(commit);
    else this.dryRunParents?.add(this.#taskKey, commit.synced ?? []);
    this.options.onProgress?.({ phase: 'sync', taskId: this.task.id, counts: this.#result.counts, total });
  }

  async #processPage(page: SourcePage, context: PageContext): Promise<PageCommit> {
    const { naturalKey } = this.task;
    const taskId = this.task.id;
    const read = page.records.map((record) => {
      context.pending.delete(record.id);
      return pageItemOf(record, naturalKey);
    });
    // Left out before anything else: no number is generated for a record that is not synced.
    const { kept: items, excluded } = filterRecords(read, this.#filters, taskId);
    for (const id of page.deleted ?? []) context.pending.delete(id);
    const deleted = await recordDeletions(page.deleted ?? [], this.state, {
      scope: context.scope,
      dryRun: this.options.dryRun,
      onDelete: this.#settings.onDelete,
      taskId,
    });

    await assignMissingKeys(items, naturalKey, this.#source, this.state, taskId, this.options.dryRun);
    const keysGenerated = items.filter((item) => item.keyGenerated && item.failure === null).length;
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

    const keyChanges = await detectKeyChanges(items, this.state, this.#destination, {
      taskKey: this.#taskKey,
      taskId,
      onKeyChange: this.#onKeyChange,
      dryRun: this.options.dryRun,
      label: naturalKey.label,
    });

    const parents = this.task.parents?.length
      ? await checkParents(items, this.task.parents, this.dryRunParents ?? this.state, taskId)
      : null;
    for (const [item, exclusion] of parents?.excluded ?? [])
      excluded.push({ ...exclusion, naturalKey: item.naturalKey });
    const writes = mapRecords(items, parents, this.#mapper, this.#references, this.task.destination.ref.key, taskId);
    const { changed, unchanged } = await skipUnchanged(writes, this.state, this.#taskKey);
    const written = await writeChanges(
      changed,
      this.#destination,
      {
        batchSize: this.#settings.batchSize,
        concurrency: this.#settings.writeConcurrency,
        options: {
          dryRun: this.options.dryRun,
          changesetSize: this.#settings.changesetSize,
          ...(this.#signal ? { signal: this.#signal } : {}),
        },
        warn: (message) => this.logger.warn(`${taskId}: ${message}`),
      },
      taskId,
    );
    if (this.options.dryRun) {
      for (const { write, status } of written) {
        if (status === 'unchanged' || this.#result.planned.length >= KEPT_IN_SUMMARY) continue;
        this.#result.planned.push({ taskId, key: write.key, status });
      }
    }
    return pageCommitOf({
      runId: context.runId,
      taskKey: this.#taskKey,
      read: read.length,
      items,
      keysGenerated,
      excluded,
      parked: parents?.excluded ?? new Map(),
      deleted,
      unchanged,
      written,
      checkpoint: page.checkpoint,
      keyChanges,
    });
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

function keepFirst<T, K>(kept: K[], more: readonly T[], keep: (item: T) => K): void {
  if (kept.length < KEPT_IN_SUMMARY) kept.push(...more.slice(0, KEPT_IN_SUMMARY - kept.length).map(keep));
}

// The summary shows outcomes as the history does: the indexed form of a key is the state store's.
function shownFailure({ taskId, sourceId, key, code, message }: Keyed<RecordFailure>): RecordFailure {
  return { taskId, sourceId, key, code, message };
}

function shownExclusion({ taskId, sourceId, key, rule, reason }: Keyed<RecordExclusion>): RecordExclusion {
  return { taskId, sourceId, key, rule, reason };
}
