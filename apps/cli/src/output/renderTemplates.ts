import {
  describePrecondition,
  planProject,
  preconditionTemplates,
  type AnyOfPrecondition,
  type EntityTemplate,
  type Precondition,
  type TemplateRegistry,
} from '@p2c/core';
import { renderTable } from './renderTable.js';

/**
 * One row per task: the template, its task, direction, and the precondition graph both ways
 * (the templates that must run first, and those that need it); then an order that satisfies it.
 */
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
      i === 0 ? listOrNone(dependentsOf(template, registry)) : '',
      i === 0 ? pluginOf(template, registry) : '',
    ]),
  );
  const table = renderTable(
    [
      { header: 'ID' },
      { header: 'TEMPLATE' },
      { header: 'TASK' },
      { header: 'MOVES' },
      { header: 'RUN FIRST' },
      { header: 'NEEDED BY' },
      { header: 'PLUGIN' },
    ],
    rows,
  );
  return `${table}\n${runOrder(templates, registry)}\n`;
}

/** The ids of the installed templates that name `template` as a precondition. */
export function dependentsOf(template: EntityTemplate, registry: TemplateRegistry): string[] {
  return registry
    .list()
    .filter((t) => preconditionTemplates(t.preconditions).includes(template.id))
    .map((t) => t.id);
}

function runOrder(templates: EntityTemplate[], registry: TemplateRegistry): string {
  try {
    return `Run order that satisfies every precondition: ${planProject(templates, registry)
      .map((t) => t.id)
      .join(' -> ')}`;
  } catch (error) {
    return `No run order satisfies the preconditions: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * `products, accounts (if used)`. One of several templates each needed only if used (a
 * document's customers, from Accounts or Contacts to Customer) reads as one entry:
 * `accounts and/or contact-to-customer (customers)`.
 */
function preconditionsOf(template: EntityTemplate, registry: TemplateRegistry): string {
  const installed = new Set(registry.list().map((t) => t.id));
  const name = (id: string) => (installed.has(id) ? id : `${id} (not installed)`);
  const ifUsed = new Set(
    template.preconditions.flatMap((p) => (typeof p === 'object' && 'ifUsed' in p ? [p.template] : [])),
  );
  const folds = (p: Precondition): p is AnyOfPrecondition =>
    typeof p === 'object' && 'anyOf' in p && p.anyOf.every((id) => ifUsed.has(id));
  const folded = new Set(template.preconditions.filter(folds).flatMap((p) => p.anyOf));
  return listOrNone(
    template.preconditions.flatMap((p) => {
      if (folds(p)) return [`${p.anyOf.map(name).join(' and/or ')}${p.provides ? ` (${p.provides})` : ''}`];
      if (typeof p === 'object' && 'ifUsed' in p && folded.has(p.template)) return [];
      return [describePrecondition(p, name)];
    }),
  );
}

function listOrNone(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join(', ');
}

function pluginOf(template: EntityTemplate, registry: TemplateRegistry): string {
  const plugin = registry.pluginOf(template.id);
  return plugin ? `${plugin.name}@${plugin.version}` : '';
}
