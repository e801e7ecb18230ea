import type { ConnectorRegistry } from '../connectors/index.js';
import type { Logger } from '../logging/index.js';
import { addCounts, emptyCounts, type RecordFailure, type StateStore } from '../state/index.js';
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
    const mode = options.full ? 'full' : 'incremental';
    // Built before the run starts, so a configuration error leaves no run behind.
    const syncs = template.tasks.map(
      (task) => new TaskSync(template, task, options, this.state, this.connectors, this.logger),
    );
    let runId: string | null = null;
    if (!dryRun) {
      await this.state.markInterrupted(template.id);
      runId = (await this.state.startRun({ templateId: template.id, mode })).id;
    }
    let counts = emptyCounts();
    const failures: RecordFailure[] = [];
    const planned: PlannedWrite[] = [];
    let message: string | null = null;
    for (const [index, sync] of syncs.entries()) {
      try {
        await sync.run(runId);
      } catch (error) {
        message = `${template.tasks[index]!.id}: ${error instanceof Error ? error.message : String(error)}`;
        this.logger.error(`Run stopped: ${message}`);
      }
      counts = addCounts(counts, sync.result.counts);
      failures.push(...sync.result.failures);
      planned.push(...sync.result.planned);
      if (message) break;
    }
    const status = outcomeOf(counts, message !== null);
    if (runId) await this.state.finishRun(runId, { status, message });
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
      planned,
      message,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
    };
  }
}
