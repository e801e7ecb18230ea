import {
  checkPreconditions,
  ConfigError,
  P2C,
  planProject,
  type RunSummary,
  type StateStore,
  type TemplateRegistry,
} from '@p2c/core';
import type { CommandContext, Session } from '../cli/CommandContext.js';
import { exitCodeOf } from '../cli/exitCodes.js';
import { renderProjectEnd } from '../output/renderProjectEnd.js';
import { renderSummary } from '../output/renderSummary.js';
import { keyLabelOf, runWithProgress, type RunCommandOptions } from './runCommand.js';

/** What `p2c run --project NAME --json` prints. */
export interface ProjectRunResult {
  project: string;
  /** One summary per template that ran, in the order they ran. */
  runs: RunSummary[];
  /** Templates left out because an earlier one stopped on a fatal fault, in the order they would have run. */
  notRun: string[];
}

/**
 * Runs a project's templates in an order that satisfies their preconditions, each as `p2c run`
 * would, stopping at the first one that stopped on a fatal fault (records that failed, even all
 * of a template's, do not stop it: the templates after it report what waits on them).
 * Preconditions outside the project are checked for every template before anything runs.
 * Returns the exit code of the worst outcome.
 */
export async function runProject(context: CommandContext, name: string, options: RunCommandOptions): Promise<number> {
  const session = await context.session({ ...options, quiet: options.json === true && !options.verbose });
  try {
    const result = await runProjectPass(context, session, name, { ...options, summaries: !options.json });
    if (options.json) context.terminal.json(result);
    else context.terminal.out(renderProjectEnd(result));
    return Math.max(...result.runs.map((run) => exitCodeOf(run.status)));
  } finally {
    await session.close();
  }
}

/** One pass over a project in an open session; `summaries` prints each template's summary as it ends. */
export async function runProjectPass(
  context: CommandContext,
  session: Session,
  name: string,
  options: RunCommandOptions & { summaries?: boolean },
): Promise<ProjectRunResult> {
  const project = session.config.projects[name];
  if (!project) {
    const known = Object.keys(session.config.projects)
      .map((n) => `'${n}'`)
      .join(', ');
    throw new ConfigError(
      `No project '${name}' in ${session.config.file}; ${known ? `projects: ${known}` : "it has no 'projects' section"}.`,
      { code: 'UNKNOWN_PROJECT' },
    );
  }
  const registry = session.container.get<TemplateRegistry>(P2C.TemplateRegistry);
  const order = planProject(
    project.templates.map((id) => registry.get(id)),
    registry,
  );
  const state = await session.container.getAsync<StateStore>(P2C.StateStore);
  const inProject = new Set(project.templates);
  for (const template of order) await checkPreconditions(template, state, inProject);

  const result: ProjectRunResult = { project: name, runs: [], notRun: [] };
  for (const [index, template] of order.entries()) {
    const summary = await runWithProgress(context, session, template.id, options);
    result.runs.push(summary);
    if (options.summaries) context.terminal.out(renderSummary(summary, keyLabelOf(template)));
    // A template that stopped (a fatal fault: authentication, a lost lock, bad configuration)
    // stops the project; one whose records all failed does not: their children report it.
    if (summary.message !== null) {
      result.notRun = order.slice(index + 1).map((t) => t.id);
      break;
    }
  }
  return result;
}
