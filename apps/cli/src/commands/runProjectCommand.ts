import { ConfigError, P2C, runProject, type ProjectRunResult, type StateStore, type TemplateRegistry } from '@p2c/core';
import type { CommandContext, Session } from '../cli/CommandContext.js';
import { exitCodeOf } from '../cli/exitCodes.js';
import { renderProjectEnd } from '../output/renderProjectEnd.js';
import { renderSummary } from '../output/renderSummary.js';
import { keyLabelOf, runWithProgress, type RunCommandOptions } from './runCommand.js';

/**
 * `p2c run --project NAME`: runs the project (core's `runProject`), each template as `p2c run`
 * would, and prints what it did. Returns the exit code of the worst outcome.
 */
export async function runProjectCommand(
  context: CommandContext,
  name: string,
  options: RunCommandOptions,
): Promise<number> {
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
  return runProject({
    project: name,
    templates: project.templates.map((id) => registry.get(id)),
    registry,
    state: await session.container.getAsync<StateStore>(P2C.StateStore),
    runTemplate: (template) => runWithProgress(context, session, template.id, options),
    ...(options.summaries
      ? { onTemplateEnd: (summary, template) => context.terminal.out(renderSummary(summary, keyLabelOf(template))) }
      : {}),
  });
}
