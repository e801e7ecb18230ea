import type { ConnectorRegistry } from '../connectors/index.js';
import type { Logger } from '../logging/index.js';
import {
  addCounts,
  emptyCounts,
  type RecordDeletion,
  type RecordExclusion,
  type RecordFailure,
  type RecordKeyChange,
  type StateStore,
} from '../state/index.js';
import { DryRunParents } from './DryRunParents.js';
import { RunLock } from './RunLock.js';
import type { RunOptions } from './RunOptions.js';
import { outcomeOf, type PlannedWrite, type RunSummary } from './RunSummary.js';
import { TaskSync } from './TaskSync.js';

/**
 * Runs a template: its tasks in order, each through `TaskSync`, under one run record. A fault
 * that is not about one record (authentication, a store that cannot write, a connection that
 * stays down after retries) ends the run as Error; what was committed before it stays.
 */
export class SyncRunner {
  constructor(
    private readonly state: StateStore,
    private readonly connectors: ConnectorRegistry,
    private readonly logger: Logger,
  ) {}

  async run(options: RunOptions): Promise<RunSummary> {
    const { template, dryRun } = options;
    const started = new Date();
    const mode = options.full && !options.pendingOnly ? 'full' : 'incremental';
    const dryRunParents = options.dryRun ? new DryRunParents(this.state) : undefined;
    // Built before the run starts, so a configuration error leaves no run behind.
    const syncs = template.tasks.map((task) => ({
      task,
      sync: new TaskSync(template, task, options, this.state, this.connectors, this.logger, dryRunParents),
    }));
    const notes: string[] = [];
    // A dry run writes nothing, so it needs no lock and may look while a run goes.
    const lock = dryRun ? null : await RunLock.acquire(this.state, template.id, (note) => notes.push(note));
    let counts = emptyCounts();
    const failures: RecordFailure[] = [];
    const planned: PlannedWrite[] = [];
    const deletions: RecordDeletion[] = [];
    const excluded: RecordExclusion[] = [];
    const keyChanges: RecordKeyChange[] = [];
    let runId: string | null = null;
    let message: string | null = null;
    try {
      if (!dryRun) {
        // Holding the lock, any run still marked Running belongs to a process that died.
        const interrupted = await this.state.markInterrupted(template.id);
        if (interrupted > 0)
          notes.push(`${interrupted} earlier run(s) were interrupted and are marked so in the history`);
        runId = (await this.state.startRun({ templateId: template.id, mode })).id;
      }
      for (const { task, sync } of syncs) {
        try {
          await sync.run(runId, lock?.signal);
        } catch (error) {
          message = `${task.id}: ${error instanceof Error ? error.message : String(error)}`;
          this.logger.error(`Run stopped: ${message}`);
        }
        counts = addCounts(counts, sync.result.counts);
        failures.push(...sync.result.failures);
        planned.push(...sync.result.planned);
        deletions.push(...sync.result.deletions);
        excluded.push(...sync.result.excluded);
        keyChanges.push(...sync.result.keyChanges);
        notes.push(...sync.result.notes);
        if (message) break;
      }
      if (runId) await this.state.finishRun(runId, { status: outcomeOf(counts, message !== null), message });
    } finally {
      await lock?.release();
    }
    const status = outcomeOf(counts, message !== null);
    const finished = new Date();
    return {
      runId,
      templateId: template.id,
      templateName: template.name,
      mode,
      dryRun,
      status,
      counts,
      failures,
      excluded,
      planned,
      deletions,
      keyChanges,
      notes,
      message,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
    };
  }
}
