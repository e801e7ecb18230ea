import { P2C, type TemplateRegistry } from '@p2c/core';
import { Command } from 'commander';
import type { CommandContext, CommonOptions } from '../cli/CommandContext.js';
import { withCommonOptions } from '../cli/commonOptions.js';
import { dependentsOf, renderTemplates } from '../output/renderTemplates.js';

/** Lists what the installed plugins provide. Needs no config file and no secret. */
export function templatesCommand(context: CommandContext): Command {
  return withCommonOptions(new Command('templates'))
    .description('list the installed templates, their tasks and what must run first')
    .option('--json', 'print the list as JSON')
    .action(async (options: CommonOptions & { json?: boolean }) => {
      const container = await context.container(options);
      const registry = container.get<TemplateRegistry>(P2C.TemplateRegistry);
      if (options.json) {
        context.terminal.json(
          registry.list().map((template) => ({
            id: template.id,
            name: template.name,
            description: template.description,
            plugin: registry.pluginOf(template.id)?.name ?? null,
            preconditions: template.preconditions,
            neededBy: dependentsOf(template, registry),
            tasks: template.tasks.map((task) => ({
              id: task.id,
              source: { connector: task.source.connector, entity: task.source.ref.entity },
              destination: { connector: task.destination.connector, entity: task.destination.ref.entity },
              naturalKey: task.naturalKey.label,
            })),
          })),
        );
      } else {
        context.terminal.out(renderTemplates(registry));
      }
      await container.unbindAllAsync();
    });
}
