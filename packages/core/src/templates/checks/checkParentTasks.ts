import { ConfigError } from '../../errors/index.js';
import type { EntityTemplate } from '../EntityTemplate.js';

/**
 * Every parent names a registered task as `<template id>/<task id>`. Run once every plugin is
 * registered (`TemplateRegistry.check`), since a parent may live in a template registered later.
 */
export function checkParentTasks(templates: readonly EntityTemplate[]): void {
  const byId = new Map(templates.map((template) => [template.id, template]));
  for (const template of templates) {
    for (const task of template.tasks) {
      for (const parent of task.parents ?? []) {
        for (const ref of parent.tasks) {
          const slash = ref.indexOf('/');
          const templateId = slash === -1 ? ref : ref.slice(0, slash);
          const taskId = slash === -1 ? '' : ref.slice(slash + 1);
          const target = byId.get(templateId);
          const problem = !target
            ? `no template '${templateId}' is installed; installed: ${[...byId.keys()].sort().join(', ')}`
            : !target.tasks.some((t) => t.id === taskId)
              ? `template '${templateId}' has no task '${taskId}'; its tasks: ${target.tasks.map((t) => `'${t.id}'`).join(', ')}`
              : undefined;
          if (problem) {
            throw new ConfigError(
              `Template '${template.id}', task '${task.id}': parents.${parent.name}: '${ref}': ${problem}`,
              { code: 'TASK_INVALID' },
            );
          }
        }
      }
    }
  }
}
