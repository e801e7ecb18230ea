import {
  checkPreconditions,
  P2C,
  type EntityTemplate,
  type RunSummary,
  type StateStore,
  type SyncRunner,
  type TemplateRegistry,
} from '@p2c/core';
import { Command } from 'commander';
import type { CommandContext, CommonOptions, Session } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { EXIT, exitCodeOf } from '../cli/exitCodes.js';
import { ProgressReporter } from '../output/ProgressReporter.js';
import { renderSummary } from '../output/renderSummary.js';
import { runProjectCommand } from './runProjectCommand.js';

export interface RunCommandOptions extends CommonOptions {
  full?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

export function runCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('run'))
    .description('run a template, or a project of templates: read the source, write what changed to the destination')
    .usage('<template> [options] | --project <name> [options]')
    .argument('[template]', "the template's id or name (see 'p2c templates'); leave it out with --project")
    .option(
      '--project <name>',
      'run a project from the config: its templates in an order that satisfies their preconditions',
    )
    .option('--full', 'read every record, not only the changes since the last run')
    .option('--dry-run', 'work out what would be created and updated; change nothing anywhere')
    .option('--json', 'print the run summary as one JSON object on stdout, and nothing else')
    .action(
      async (templateName: string | undefined, options: RunCommandOptions & { project?: string }, command: Command) => {
        if (options.project !== undefined && templateName !== undefined) {
          command.error(
            `error: give a template or --project, not both (got '${templateName}' and --project ${options.project})`,
            {
              exitCode: EXIT.Config,
            },
          );
        }
        if (options.project !== undefined) {
          context.exitCode = await runProjectCommand(context, options.project, options);
          return;
        }
        if (templateName === undefined) {
          command.error("error: missing required argument 'template' (or run a project with --project NAME)", {
            exitCode: EXIT.Config,
          });
        }
        context.exitCode = await runTemplate(context, templateName, { ...options, requirePreconditions: true });
      },
    );
}

/** Runs one template to its end and prints its summary; returns the exit code. */
export async function runTemplate(
  context: CommandContext,
  templateName: string,
  options: RunCommandOptions & { pendingOnly?: boolean; requirePreconditions?: boolean },
): Promise<number> {
  const session = await context.session({ ...options, quiet: options.json === true && !options.verbose });
  try {
    if (options.requirePreconditions) {
      const template = session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(templateName);
      await checkPreconditions(template, await session.container.getAsync<StateStore>(P2C.StateStore), new Set());
    }
    const summary = await runWithProgress(context, session, templateName, options);
    if (options.json) context.terminal.json(summary);
    else
      context.terminal.out(
        renderSummary(
          summary,
          keyLabelOf(session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(templateName)),
        ),
      );
    return exitCodeOf(summary.status);
  } finally {
    await session.close();
  }
}

export async function runWithProgress(
  context: CommandContext,
  session: Session,
  templateName: string,
  options: { full?: boolean; dryRun?: boolean; json?: boolean; pendingOnly?: boolean },
): Promise<RunSummary> {
  const template = session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(templateName);
  const runner = await session.container.getAsync<SyncRunner>(P2C.SyncRunner);
  const progress = options.json ? null : new ProgressReporter(context.terminal);
  const abort = new AbortController();
  // The first Ctrl-C stops the run between pages; what was committed stays committed.
  void context.environment.stopSignal().then(() => abort.abort(new Error('stopped by the user')));
  try {
    return await runner.run({
      template,
      full: options.full === true,
      dryRun: options.dryRun === true,
      pendingOnly: options.pendingOnly === true,
      settings: session.config.templates[template.id] ?? {},
      organizations: session.config.organizations,
      signal: abort.signal,
      ...(progress ? { onProgress: progress.onProgress } : {}),
    });
  } finally {
    progress?.finish();
  }
}

/** What the template calls the natural key its numbers are generated for (`account number`). */
export function keyLabelOf(template: EntityTemplate): string {
  return template.tasks[0]?.naturalKey.label ?? 'key';
}
