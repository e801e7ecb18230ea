import type { EntityTemplate, TemplateRegistry } from '@p2c/core';
import { renderTable } from './renderTable.js';

/** One row per task: the template, its task, direction and the templates that must run first. */
export function renderTemplates(registry: TemplateRegistry): string {
  const templates = registry.list();
  if (templates.length === 0) return 'No templates installed.\n';
  const rows = templates.flatMap((template) =>
    template.tasks.map((task, i) => [
      i === 0 ? template.id : '',
      i === 0 ? template.name : '',
      task.id,
      `${task.source.connector}:${task.source.ref.entity} -> ${task.destination.connector}:${task.destination.ref.entity}`,
      i === 0 ? preconditionsOf(template, registry) : '',
      i === 0 ? pluginOf(template, registry) : '',
    ]),
  );
  return renderTable(
    [
      { header: 'ID' },
      { header: 'TEMPLATE' },
      { header: 'TASK' },
      { header: 'MOVES' },
      { header: 'RUN FIRST' },
      { header: 'PLUGIN' },
    ],
    rows,
  );
}

function preconditionsOf(template: EntityTemplate, registry: TemplateRegistry): string {
  if (template.preconditions.length === 0) return 'none';
  return template.preconditions
    .map((id) => {
      const known = registry.list().find((t) => t.id === id);
      return known ? known.id : `${id} (not installed)`;
    })
    .join(', ');
}

function pluginOf(template: EntityTemplate, registry: TemplateRegistry): string {
  const plugin = registry.pluginOf(template.id);
  return plugin ? `${plugin.name}@${plugin.version}` : '';
}
