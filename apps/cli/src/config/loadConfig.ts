import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import {
  ConfigError,
  planProject,
  type ConnectorDescriptorRegistry,
  RecordMapper,
  type EntityTemplate,
  type TaskSettings,
  type TemplateRegistry,
} from '@p2c/core';
import { parseDocument } from 'yaml';
import { buildConnectorRegistry } from '../plugins/buildConnectorRegistry.js';
import { configSchema } from './configSchema.js';
import { describeIssue, issuePath } from './describeIssue.js';
import type { P2cConfig } from './P2cConfig.js';

export const DEFAULT_CONFIG_FILE = 'p2c.config.yaml';

/** Aliases a config may expand: plenty for shared settings, too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export function configIsAFolder(shown: string): ConfigError {
  return new ConfigError(
    `${shown} is a folder, not a config file; pass --config with the path of the YAML file in it`,
    {
      code: 'CONFIG_NOT_A_FILE',
    },
  );
}

/**
 * Reads and checks `p2c.config.yaml`. Anything wrong becomes one ConfigError whose message names
 * the file, the field and the fix. Checks what can be checked without a network: the shape,
 * that every configured template and task is installed, and that every default and value map
 * names a field the task's mappings produce, and that every connection's settings pass the
 * schema of the connector its kind names (`connectors`: p2c's own two unless given). Secrets
 * are not read here.
 */
export function loadConfig(
  file: string,
  templates: TemplateRegistry,
  cwd = process.cwd(),
  connectors: ConnectorDescriptorRegistry = buildConnectorRegistry([]),
): P2cConfig {
  const path = resolve(cwd, file);
  const shown = displayPath(path, cwd);
  if (!existsSync(path)) {
    throw new ConfigError(
      `No config file at ${shown}. Run 'p2c init' to write a starter config there (or pass --config FILE).`,
      { code: 'CONFIG_MISSING' },
    );
  }
  if (statSync(path).isDirectory()) throw configIsAFolder(shown);
  const text = readFileSync(path, 'utf8');
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const yamlError = document.errors[0];
  if (yamlError) {
    throw new ConfigError(`${shown}: not valid YAML: ${yamlError.message.split('\n')[0]}`, { code: 'CONFIG_YAML' });
  }
  if (document.contents === null) {
    throw new ConfigError(`${shown} is empty. Run 'p2c init --force' to write a starter config.`, {
      code: 'CONFIG_EMPTY',
    });
  }
  let contents: unknown;
  try {
    contents = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses aliases that expand past the limit (a "billion laughs" file) this way.
    throw new ConfigError(
      `${shown}: not usable YAML: ${error instanceof Error ? error.message : String(error)}; write the values out instead of expanding aliases`,
      { code: 'CONFIG_YAML' },
    );
  }
  const parsed = configSchema(connectors).safeParse(contents ?? undefined, {
    error: (issue) => describeIssue(issue),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) =>
      issue.path.length === 0 ? `${shown}: ${issue.message}` : `${shown}: ${issuePath(issue.path)}: ${issue.message}`,
    );
    throw new ConfigError(lines.join('\n'), { code: 'CONFIG_INVALID' });
  }
  const data = parsed.data;
  const dir = dirname(path);
  const config: P2cConfig = {
    file: path,
    dir,
    statePath: resolve(dir, data.state.sqlite),
    connections: data.connections,
    organizations: data.organizations,
    templates: {},
    projects: {},
  };
  for (const [templateId, settings] of Object.entries(data.templates)) {
    const template = findTemplate(templates, templateId, shown);
    const byTask: Record<string, TaskSettings> = {};
    config.templates[template.id] = byTask;
    for (const [taskId, taskSettings] of Object.entries(settings.tasks)) {
      const task = template.tasks.find((t) => t.id === taskId);
      if (!task) {
        throw new ConfigError(
          `${shown}: templates.${templateId}.tasks.${taskId}: template '${template.id}' has no task '${taskId}'; its tasks: ${template.tasks.map((t) => `'${t.id}'`).join(', ')}`,
          { code: 'CONFIG_UNKNOWN_TASK' },
        );
      }
      try {
        // Builds the task's mappings with these overrides, which checks every field they name.
        new RecordMapper(task, taskSettings, config.organizations, `templates.${templateId}.tasks.${taskId}`);
      } catch (error) {
        if (error instanceof ConfigError) throw new ConfigError(`${shown}: ${error.message}`, { code: error.code });
        throw error;
      }
      // The overrides' fields and values, checked as the template's own declarations are.
      templates.checkOverrides(template.id, task.id, taskSettings, `${shown}: templates.${templateId}.tasks.${taskId}`);
      byTask[task.id] = taskSettings;
    }
  }
  for (const [name, project] of Object.entries(data.projects)) {
    const members = project.templates.map((id, i) =>
      findTemplate(templates, id, shown, `projects.${name}.templates[${i}]`),
    );
    try {
      // Refuses a template listed twice and preconditions that form a cycle, before anything runs.
      planProject(members, templates);
    } catch (error) {
      if (error instanceof ConfigError)
        throw new ConfigError(`${shown}: projects.${name}.templates: ${error.message}`, { code: error.code });
      throw error;
    }
    config.projects[name] = { templates: members.map((t) => t.id) };
  }
  return config;
}

function findTemplate(
  templates: TemplateRegistry,
  id: string,
  shown: string,
  field = `templates.${id}`,
): EntityTemplate {
  const template = templates.list().find((t) => t.id === id);
  if (template) return template;
  const installed =
    templates
      .list()
      .map((t) => `'${t.id}' (${t.name})`)
      .join(', ') || 'none';
  throw new ConfigError(`${shown}: ${field}: no installed template '${id}'; installed: ${installed}`, {
    code: 'CONFIG_UNKNOWN_TEMPLATE',
  });
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
