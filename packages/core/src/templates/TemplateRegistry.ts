import { ConfigError } from '../errors/index.js';
import type { EntityTemplate } from './EntityTemplate.js';
import { checkParentTasks } from './checks/checkParentTasks.js';
import { checkTask } from './checks/checkTask.js';
import type { DescribeEntity, TaskOverrides } from './checks/TaskCheckContext.js';
import { CORE_API_VERSION, pluginManifestSchema, type TemplatePlugin } from './TemplatePlugin.js';

export interface TemplateRegistryOptions {
  /** What the connectors know of their entities' columns; without it, templates' declared fields. */
  describeEntity?: DescribeEntity;
}

/**
 * The installed templates, by id. Plugins are checked as they are registered: the manifest's
 * shape, then every task's declarations against the canonical model and the connectors' entities.
 * Parents are checked by `check()`, once every plugin is registered, since a parent may live in a
 * template registered later.
 */
export class TemplateRegistry {
  readonly #templates = new Map<string, { template: EntityTemplate; plugin: TemplatePlugin }>();
  readonly #describeEntity: DescribeEntity;

  constructor(options: TemplateRegistryOptions = {}) {
    this.#describeEntity = options.describeEntity ?? (() => undefined);
  }

  register(plugin: TemplatePlugin): void {
    const parsed = pluginManifestSchema.safeParse(plugin);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The manifest failed its check, so its name may be missing too (a plugin written in JavaScript).
      const { name }: { name?: unknown } = plugin;
      throw new ConfigError(
        `Plugin '${typeof name === 'string' ? name : '?'}': ${issue?.path.join('.')}: ${issue?.message}`,
        {
          code: 'PLUGIN_INVALID',
        },
      );
    }
    if (!isCoreApiCompatible(plugin.coreApi)) {
      throw new ConfigError(
        `Plugin '${plugin.name}' was built for core ${plugin.coreApi}; this is core ${CORE_API_VERSION}. Install a version of the plugin built for it.`,
        { code: 'PLUGIN_CORE_MISMATCH' },
      );
    }
    const templates = plugin.templates ?? [];
    for (const template of templates) {
      const existing = this.#templates.get(template.id);
      if (existing) {
        throw new ConfigError(
          `Plugins '${existing.plugin.name}' and '${plugin.name}' both provide template '${template.id}'; remove one.`,
          { code: 'PLUGIN_DUPLICATE_TEMPLATE' },
        );
      }
    }
    for (const template of templates) {
      for (const task of template.tasks) checkTask({ template, task, describeEntity: this.#describeEntity });
    }
    for (const template of templates) this.#templates.set(template.id, { template, plugin });
  }

  /** Checks what spans plugins (every parent names a registered task); call once all are registered. */
  check(): void {
    checkParentTasks(this.list());
  }

  /**
   * Checks the configuration's overrides of one task (defaults, value maps, filters) as the
   * task's own declarations are checked; `at` says where they were written, for the message.
   */
  checkOverrides(templateId: string, taskId: string, overrides: TaskOverrides, at: string): void {
    const template = this.get(templateId);
    const task = template.tasks.find((t) => t.id === taskId);
    if (!task)
      throw new ConfigError(`${at}: template '${template.id}' has no task '${taskId}'`, { code: 'UNKNOWN_TASK' });
    checkTask({ template, task, describeEntity: this.#describeEntity, overrides, overridesAt: at });
  }

  /** By id (`accounts`) or by the name Data Integrator uses (`Accounts (Sales to Fin and Ops)`). */
  get(idOrName: string): EntityTemplate {
    const wanted = idOrName.trim().toLowerCase();
    for (const { template } of this.#templates.values()) {
      if (template.id.toLowerCase() === wanted || template.name.toLowerCase() === wanted) return template;
    }
    const known =
      this.list()
        .map((t) => `${t.id} (${t.name})`)
        .join(', ') || 'none';
    throw new ConfigError(`No template '${idOrName}'. Installed: ${known}`, { code: 'UNKNOWN_TEMPLATE' });
  }

  list(): EntityTemplate[] {
    return [...this.#templates.values()].map((entry) => entry.template);
  }

  pluginOf(templateId: string): TemplatePlugin | undefined {
    return this.#templates.get(templateId)?.plugin;
  }
}

/** Whether a plugin built for `range` (`^0.2.0`) may run on this core. */
export function isCoreApiCompatible(range: string): boolean {
  return isCompatible(range, CORE_API_VERSION);
}

/**
 * Semver's caret rule: the same major version (while it is 0, the same minor; under 0.0, the same
 * patch), and never older than the version the plugin was built for: it may use what that added.
 */
function isCompatible(range: string, version: string): boolean {
  const [wantMajor = 0, wantMinor = 0, wantPatch = 0] = range.replace(/^\^/, '').split('.').map(Number);
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (wantMajor !== major) return false;
  if (major === 0 && wantMinor !== minor) return false;
  if (major === 0 && minor === 0) return patch === wantPatch;
  return minor > wantMinor || (minor === wantMinor && patch >= wantPatch);
}
