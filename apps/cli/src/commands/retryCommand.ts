import { ConfigError, P2C, type PendingRecord, type StateStore, type TemplateRegistry } from '@p2c/core';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { renderTable } from '../output/renderTable.js';
import { runTemplate } from './runCommand.js';

interface RetryOptions extends CommonOptions {
  list?: boolean;
  skip?: string[];
  dryRun?: boolean;
  json?: boolean;
}

/**
 * Records that failed are tried again by every run until they succeed or are skipped; this
 * tries only them, now, or lists them, or marks some skipped.
 */
export function retryCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('retry'))
    .description('try again, now, only the records of a template that failed and have not succeeded since')
    .argument('<template>', "the template's id or name (see 'p2c templates')")
    .option('--list', 'list the records waiting to be tried again, and change nothing')
    .option('--skip <sourceId...>', 'stop trying these records again (their source ids, as --list shows them)')
    .option('--dry-run', 'work out what would be written; change nothing anywhere')
    .option('--json', 'print as JSON')
    .action(async (templateName: string, options: RetryOptions) => {
      if (!options.list && !options.skip) {
        context.exitCode = await runTemplate(context, templateName, { ...options, pendingOnly: true });
        return;
      }
      const session = await context.session(options);
      try {
        const template = session.container.get<TemplateRegistry>(P2C.TemplateRegistry).get(templateName);
        const state = await session.container.getAsync<StateStore>(P2C.StateStore);
        const taskKeys = template.tasks.map((task) => ({ task: task.id, key: `${template.id}/${task.id}` }));
        if (options.skip) {
          const pendingIds = new Set<string>();
          for (const { key } of taskKeys) {
            for (const record of await state.listPending(key, { limit: 1_000_000, includeSkipped: true }))
              pendingIds.add(record.sourceId);
          }
          const unknown = options.skip.filter((id) => !pendingIds.has(id));
          if (unknown.length > 0) {
            throw new ConfigError(
              `Not waiting to be tried again in '${template.id}': ${unknown.map((id) => `'${id}'`).join(', ')}; nothing was skipped. 'p2c retry ${template.id} --list' lists the records that are.`,
              { code: 'RETRY_NOT_PENDING' },
            );
          }
          let skipped = 0;
          for (const { key } of taskKeys) skipped += await state.skipPending(key, options.skip);
          if (options.json) context.terminal.json({ skipped });
          else context.terminal.out(`${skipped} record(s) marked skipped; runs no longer try them again.\n`);
          return;
        }
        const pending: (PendingRecord & { task: string })[] = [];
        for (const { task, key } of taskKeys) {
          for (const record of await state.listPending(key, { limit: 10_000, includeSkipped: true }))
            pending.push({ ...record, task });
        }
        if (options.json) {
          context.terminal.json(pending);
          return;
        }
        if (pending.length === 0) {
          context.terminal.out('Nothing is waiting to be tried again.\n');
          return;
        }
        context.terminal.out(
          renderTable(
            [
              { header: 'SOURCE ID' },
              { header: 'KEY' },
              { header: 'ATTEMPTS', align: 'right' },
              { header: 'SKIPPED' },
              { header: 'LAST REASON', maxWidth: 100 },
            ],
            pending.map((p) => [p.sourceId, p.key ?? '', String(p.attempts), p.skipped ? 'yes' : '', p.message]),
          ),
        );
      } finally {
        await session.close();
      }
    });
}
