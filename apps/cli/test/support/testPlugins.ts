import { CORE_API_VERSION, definePlugin, type EntityTemplate, type TemplatePlugin } from '@p2c/core';
import { accountsTemplate } from '@p2c/template-accounts';

/** A template that really runs against the emulator: the accounts task under another id. */
export function aTemplateLikeAccounts(
  id: string,
  preconditions: string[],
  changes: { sourceEntity?: string } = {},
): EntityTemplate {
  return {
    id,
    name: `${id} (test)`,
    description: 'Sales accounts to F&O customers, for tests',
    preconditions,
    tasks: accountsTemplate.tasks.map((task) => ({
      ...task,
      source: changes.sourceEntity
        ? { ...task.source, ref: { ...task.source.ref, entity: changes.sourceEntity } }
        : task.source,
    })),
  };
}

export function aTestPlugin(name: string, ...templates: EntityTemplate[]): TemplatePlugin {
  return definePlugin({ name, version: '1.0.0', coreApi: `^${CORE_API_VERSION}`, templates });
}
