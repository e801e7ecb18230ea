import { ConfigError, P2C, type RunRecord, type StateStore } from '@p2c/core';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { renderRunDetail, renderRunList } from '../output/renderHistory.js';
import { positiveInteger } from '../cli/numberArguments.js';

interface HistoryOptions extends CommonOptions {
  json?: boolean;
  limit?: number;
  template?: string;
}

/** Runs from the state store. Reads the config for the store's path; needs no secret. */
export function historyCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('history'))
    .description('list runs, newest first; with RUN, that run, each failed record and each record left out')
    .argument('[run]', 'a run id, or the start of one (as the list shows it)')
    .option('--json', 'print as JSON')
    .option('--limit <n>', 'runs to list (default 20), or failures to show for one run (default 1000)', positiveInteger)
    .option('--template <id>', 'only runs of this template')
    .action(async (runId: string | undefined, options: HistoryOptions) => {
      // Read-only: history reads a state file this user may not write.
      const session = await context.session({ ...options, readOnlyState: true });
      try {
        const state = await session.container.getAsync<StateStore>(P2C.StateStore);
        if (runId === undefined) {
          const runs = await state.listRuns({
            limit: options.limit ?? 20,
            ...(options.template ? { templateId: options.template } : {}),
          });
          if (options.json) context.terminal.json(runs);
          else context.terminal.out(renderRunList(runs));
          return;
        }
        const run = await findRun(state, runId);
        const failures = await state.listFailures(run.id, { limit: options.limit ?? 1000 });
        const deletions = await state.listDeletions(run.id, { limit: options.limit ?? 1000 });
        const excluded = await state.listExclusions(run.id, { limit: options.limit ?? 1000 });
        const keyChanges = await state.listKeyChanges(run.id, { limit: options.limit ?? 1000 });
        if (options.json) context.terminal.json({ ...run, failures, deletions, excluded, keyChanges });
        else context.terminal.out(renderRunDetail(run, failures, deletions, excluded, keyChanges));
      } finally {
        await session.close();
      }
    });
}

/** By full id, or by a prefix that only one of the recent runs has. */
async function findRun(state: StateStore, wanted: string): Promise<RunRecord> {
  const exact = await state.getRun(wanted);
  if (exact) return exact;
  const matches = (await state.listRuns({ limit: 10_000 })).filter((run) => run.id.startsWith(wanted));
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (matches.length > 1) {
    throw new ConfigError(`Run '${wanted}' is ambiguous (${matches.length} runs start with it); give more of the id`, {
      code: 'RUN_AMBIGUOUS',
    });
  }
  throw new ConfigError(`No run '${wanted}'. 'p2c history' lists the runs.`, { code: 'RUN_NOT_FOUND' });
}
