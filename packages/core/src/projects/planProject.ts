import { ConfigError } from '../errors/index.js';
import { preconditionTemplates, type EntityTemplate, type TemplateRegistry } from '../templates/index.js';

/**
 * The order to run a project's templates in: every template after its preconditions that are in
 * the project (every template a precondition names, "if used" and "one of" too), and where possible after the templates it finds parents in, and otherwise in the
 * project's own order (of the templates ready to run, the one
 * listed first goes first). Preconditions outside the project are not added: they must have
 * completed before (`checkPreconditions`). Preconditions that form a cycle, through templates in
 * the project or installed beside it, are a ConfigError naming the cycle.
 */
export function planProject(
  templates: readonly EntityTemplate[],
  registry: Pick<TemplateRegistry, 'list'>,
): EntityTemplate[] {
  const seen = new Set<string>();
  for (const template of templates) {
    if (seen.has(template.id)) {
      throw new ConfigError(`Template '${template.id}' is listed twice in the project; list it once.`, {
        code: 'PROJECT_DUPLICATE_TEMPLATE',
      });
    }
    seen.add(template.id);
  }
  rejectCycles(templates, registry);

  const remaining = [...templates];
  const placed = new Set<string>();
  const order: EntityTemplate[] = [];
  const ready = (ids: readonly string[]) => ids.every((id) => !seen.has(id) || placed.has(id));
  while (remaining.length > 0) {
    // Best: after its preconditions and every template its tasks find parents in (a quote's
    // customer may come from Contacts to Customer, "if used"). No cycle among preconditions,
    // so some template is always ready by them alone.
    let next = remaining.findIndex((t) => ready(preconditionTemplates(t.preconditions)) && ready(parentTemplatesOf(t)));
    if (next < 0) next = remaining.findIndex((t) => ready(preconditionTemplates(t.preconditions)));
    const template = remaining[next];
    if (!template) {
      throw new Error(
        `planProject: none of ${remaining.map((t) => `'${t.id}'`).join(', ')} is ready, though their preconditions form no cycle`,
      );
    }
    remaining.splice(next, 1);
    order.push(template);
    placed.add(template.id);
  }
  return order;
}

/** The other templates whose tasks this template's tasks look parents up in (`<template>/<task>`). */
function parentTemplatesOf(template: EntityTemplate): string[] {
  const ids = template.tasks.flatMap((task) =>
    (task.parents ?? []).flatMap((parent) => parent.tasks.map((key) => key.split('/')[0] ?? '')),
  );
  return [...new Set(ids)].filter((id) => id !== '' && id !== template.id);
}

function rejectCycles(templates: readonly EntityTemplate[], registry: Pick<TemplateRegistry, 'list'>): void {
  const byId = new Map<string, EntityTemplate>(registry.list().map((t) => [t.id, t]));
  // The project's own definitions win over the registry's (they are normally the same objects).
  for (const template of templates) byId.set(template.id, template);
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): void => {
    const at = path.indexOf(id);
    if (at >= 0) {
      const cycle = [...path.slice(at), id];
      throw new ConfigError(
        `The preconditions of ${cycle
          .slice(0, -1)
          .map((t) => `'${t}'`)
          .join(
            ', ',
          )} form a cycle (${cycle.join(' needs ')}); no order can satisfy them. Remove one of these preconditions.`,
        { code: 'PRECONDITION_CYCLE' },
      );
    }
    if (done.has(id)) return;
    path.push(id);
    for (const precondition of preconditionTemplates(byId.get(id)?.preconditions ?? [])) visit(precondition);
    path.pop();
    done.add(id);
  };
  for (const template of templates) visit(template.id);
}
