import {
  ConfigError,
  CORE_API_VERSION,
  isCoreApiCompatible,
  pluginManifestSchema,
  type TemplatePlugin,
} from '@p2c/core';
import type { PluginEntry } from './PluginEntry.js';
import { isPath, resolvePluginModule } from './resolvePluginModule.js';

/**
 * Loads the plugins the configuration names, in order, and checks each: that it can be found,
 * that it exports a plugin whose manifest is whole, that it was built for this core's API, and
 * that its options pass its own schema. Anything wrong is one ConfigError naming the plugin,
 * where it was named, and the problem. Two plugins providing one template id are refused when
 * they are registered.
 */
export async function loadPlugins(
  entries: readonly PluginEntry[],
  baseDir: string,
  options: LoadPluginsOptions = {},
): Promise<TemplatePlugin[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PLUGIN_LOAD_TIMEOUT_MS;
  const plugins: TemplatePlugin[] = [];
  for (const entry of entries) plugins.push(await loadPlugin(entry, baseDir, timeoutMs));
  return plugins;
}

export interface LoadPluginsOptions {
  /** How long one plugin's module may take to load (its top-level code). */
  timeoutMs?: number;
}

export const DEFAULT_PLUGIN_LOAD_TIMEOUT_MS = 30_000;

/**
 * The import, or a rejection once `timeoutMs` has passed. The timer keeps the process alive:
 * without it, a module whose top-level await never settles lets Node exit 13 with nothing said.
 */
async function importWithin(specifier: string, timeoutMs: number): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginLoadTimeout()), timeoutMs);
  });
  try {
    return (await Promise.race([import(specifier), timedOut])) as Record<string, unknown>;
  } finally {
    clearTimeout(timer);
  }
}

class PluginLoadTimeout extends Error {}

async function loadPlugin(entry: PluginEntry, baseDir: string, timeoutMs: number): Promise<TemplatePlugin> {
  const fail = (problem: string, code: string): ConfigError =>
    new ConfigError(`Plugin '${entry.specifier}' (${entry.where}): ${problem}`, { code });
  let url: string | null;
  try {
    url = resolvePluginModule(entry.specifier, baseDir);
  } catch (error) {
    throw fail(`cannot be found: ${messageOf(error)}`, 'PLUGIN_NOT_FOUND');
  }
  let module: Record<string, unknown>;
  try {
    module = await importWithin(url ?? entry.specifier, timeoutMs);
  } catch (error) {
    if (error instanceof PluginLoadTimeout) {
      throw fail(
        `did not finish loading within ${timeoutMs / 1000} s (its module's top-level code never settled); fix or remove the plugin, or raise P2C_PLUGIN_LOAD_TIMEOUT_MS`,
        'PLUGIN_LOAD_TIMEOUT',
      );
    }
    if (!url && !isPath(entry.specifier) && isNotFound(error, entry.specifier)) {
      throw fail(
        `is not installed. Install it where the config is: npm install ${entry.specifier}`,
        'PLUGIN_NOT_FOUND',
      );
    }
    throw fail(`could not be loaded: ${messageOf(error)}`, 'PLUGIN_LOAD_FAILED');
  }
  const exported = module['default'] ?? module['plugin'];
  if (typeof exported !== 'object' || exported === null) {
    throw fail(
      'exports no plugin: its module needs a default export made with definePlugin({ name, version, coreApi, templates or connectors })',
      'PLUGIN_INVALID',
    );
  }
  const manifest = pluginManifestSchema.safeParse(exported);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw fail(`its manifest is not valid: ${path}${issue?.message ?? 'invalid'}`, 'PLUGIN_INVALID');
  }
  const plugin = exported as TemplatePlugin;
  const builtFor = [
    { what: `${plugin.name} ${plugin.version}`, coreApi: plugin.coreApi },
    ...(plugin.connectors ?? []).map((connector) => ({
      what: `its connector '${connector.kind}'`,
      coreApi: connector.coreApi,
    })),
  ];
  for (const { what, coreApi } of builtFor) {
    if (!isCoreApiCompatible(coreApi)) {
      throw fail(
        `${what} was built for core ${coreApi}; this p2c has core ${CORE_API_VERSION}. Install a version of the plugin built for core ^${CORE_API_VERSION}.`,
        'PLUGIN_CORE_MISMATCH',
      );
    }
  }
  return configured(plugin, entry.options, fail);
}

/** The plugin with the templates its checked options give. */
function configured(
  plugin: TemplatePlugin,
  options: Record<string, unknown> | undefined,
  fail: (problem: string, code: string) => ConfigError,
): TemplatePlugin {
  if (!plugin.optionsSchema) {
    if (options !== undefined) throw fail('takes no options; remove its options', 'PLUGIN_OPTIONS_INVALID');
    return plugin;
  }
  const checked = plugin.optionsSchema.safeParse(options ?? {});
  if (!checked.success) {
    const problems = checked.error.issues.map(
      (issue) => `options${issue.path.map((part) => `.${String(part)}`).join('')}: ${issue.message}`,
    );
    throw fail(`its options are not valid: ${problems.join('; ')}`, 'PLUGIN_OPTIONS_INVALID');
  }
  return plugin.configure ? { ...plugin, templates: plugin.configure(checked.data) } : plugin;
}

function isNotFound(error: unknown, specifier: string): boolean {
  // Only the plugin itself missing: a dependency the plugin lacks is a load failure, said as such.
  const message = messageOf(error);
  return /Cannot find (package|module)/.test(message) && message.includes(`'${specifier}'`);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const [firstLine = ''] = error.message.split('\n');
  return firstLine;
}
