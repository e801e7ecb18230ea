import { ConfigError } from '../../errors/index.js';
import type { EntityTemplate } from '../EntityTemplate.js';

/**
 * Every parent names registered tasks as `<template id>/<task id>`. Run once every plugin is
 * registered (`TemplateRegistry.check`), since a parent may live in a template registered later.
 * A parent's refs are alternatives (a customer came from an account or from a contact): a ref to a
 * template that is not installed is allowed while another ref is, since nothing can have synced
 * there; a ref to a task an installed template does not have is always a mistake.
 */
export function checkParentTasks(templates: readonly EntityTemplate[]): void {
  const byId = new Map(templates.map((template) => [template.id, template]));
  const installed = [...byId.keys()].sort().join(', ');
  for (const template of templates) {
    for (const task of template.tasks) {
      for (const parent of task.parents ?? []) {
        const refuse = (ref: string, problem: string): never => {
          throw new ConfigError(
            `Template '${template.id}', task '${task.id}': parents.${parent.name}: '${ref}': ${problem}`,
            { code: 'TASK_INVALID' },
          );
        };
        let resolved = 0;
        for (const ref of parent.tasks) {
          const slash = ref.indexOf('/');
          const templateId = slash === -1 ? ref : ref.slice(0, slash);
          const taskId = slash === -1 ? '' : ref.slice(slash + 1);
          const target = byId.get(templateId);
          if (!target) continue;
          if (!target.tasks.some((t) => t.id === taskId)) {
            refuse(
              ref,
              `template '${templateId}' has no task '${taskId}'; its tasks: ${target.tasks.map((t) => `'${t.id}'`).join(', ')}`,
            );
          }
          resolved += 1;
        }
        if (resolved === 0) {
          refuse(
            parent.tasks.join("' or '"),
            `no template of ${parent.tasks.length === 1 ? 'it' : 'them'} is installed; installed: ${installed}`,
          );
        }
      }
    }
  }
}
