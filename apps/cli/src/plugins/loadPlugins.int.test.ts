import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, TemplateRegistry } from '@p2c/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlugins } from './loadPlugins.js';
import { projectsPluginSource } from '../../test/support/projectsPluginSource.js';
import { toPluginEntry, type PluginEntry } from './PluginEntry.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-plugins-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Installs a package into the project's node_modules, as npm would. */
function install(name: string, source: string, exportsField: unknown = { '.': { import: './dist/index.js' } }): void {
  const packageDir = join(dir, 'node_modules', ...name.split('/'));
  mkdirSync(join(packageDir, 'dist'), { recursive: true });
  writeFileSync(
    join(packageDir, 'package.json'),
    JSON.stringify({ name, version: '1.2.0', type: 'module', exports: exportsField }),
  );
  writeFileSync(join(packageDir, 'dist', 'index.js'), source);
}

const entry = (specifier: string, options?: Record<string, unknown>): PluginEntry =>
  toPluginEntry(options === undefined ? specifier : { package: specifier, options }, 'plugins[0] in p2c.config.yaml');

async function refusal(entries: PluginEntry[]): Promise<string> {
  const error = await loadPlugins(entries, dir).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

// Options checked by a schema with zod's safeParse shape, as a plugin built with zod exports it.
const OPTIONS_SCHEMA = `optionsSchema: { safeParse: (input) => typeof input.projectGroup === 'string'
    ? { success: true, data: input }
    : { success: false, error: { issues: [{ path: ['projectGroup'], message: 'expected a project group id' }] } } },
  configure: (options) => [{ ...template, description: 'group ' + options.projectGroup }],`;

describe('loadPlugins', () => {
  it("loads a package installed in the config's project, and gives its templates the checked options", async () => {
    install('@acme/p2c-template-projects', projectsPluginSource({}, OPTIONS_SCHEMA));

    const [plugin] = await loadPlugins([entry('@acme/p2c-template-projects', { projectGroup: 'TM' })], dir);

    expect(plugin).toMatchObject({ name: '@acme/p2c-template-projects', version: '1.2.0' });
    expect(plugin?.templates?.map((template) => [template.id, template.description])).toEqual([
      ['projects', 'group TM'],
    ]);
  });

  it('loads a plugin by a path relative to the config file, a folder with a package.json or a file', async () => {
    mkdirSync(join(dir, 'plugins', 'projects'), { recursive: true });
    writeFileSync(
      join(dir, 'plugins', 'projects', 'package.json'),
      JSON.stringify({ name: 'projects', type: 'module', main: 'plugin.js' }),
    );
    writeFileSync(join(dir, 'plugins', 'projects', 'plugin.js'), projectsPluginSource({ name: 'projects' }));
    writeFileSync(join(dir, 'plugins', 'single.mjs'), projectsPluginSource({ name: 'single', templateId: 'single' }));

    const plugins = await loadPlugins([entry('./plugins/projects'), entry('./plugins/single.mjs')], dir);

    expect(plugins.map((plugin) => plugin.name)).toEqual(['projects', 'single']);
  });

  it('refuses a plugin built for another core, naming the plugin, where it was listed and what to install', async () => {
    install('@acme/p2c-template-projects', projectsPluginSource({ coreApi: '^1.0.0' }));
    expect(await refusal([entry('@acme/p2c-template-projects')])).toBe(
      "Plugin '@acme/p2c-template-projects' (plugins[0] in p2c.config.yaml): @acme/p2c-template-projects 1.2.0 was built for core ^1.0.0; this p2c has core 0.2.0. Install a version of the plugin built for core ^0.2.0.",
    );
  });

  it('refuses options its schema rejects, and options given to a plugin that takes none', async () => {
    install('@acme/p2c-template-projects', projectsPluginSource({}, OPTIONS_SCHEMA));
    install('@acme/p2c-template-plain', projectsPluginSource({ name: '@acme/p2c-template-plain' }));
    expect(await refusal([entry('@acme/p2c-template-projects', { projectGroup: 7 })])).toBe(
      "Plugin '@acme/p2c-template-projects' (plugins[0] in p2c.config.yaml): its options are not valid: options.projectGroup: expected a project group id",
    );
    expect(await refusal([entry('@acme/p2c-template-plain', { projectGroup: 'TM' })])).toContain(
      'takes no options; remove its options',
    );
  });

  it('says what is wrong with a broken manifest, a module without a plugin, or a plugin that is not installed', async () => {
    install('@acme/no-version', projectsPluginSource({}).replace("version: '1.2.0',", ''));
    install('@acme/not-a-plugin', 'export const answer = 42;');
    expect(await refusal([entry('@acme/no-version')])).toMatch(
      /^Plugin '@acme\/no-version' \(plugins\[0\] in p2c.config.yaml\): its manifest is not valid: version: /,
    );
    expect(await refusal([entry('@acme/not-a-plugin')])).toContain(
      'exports no plugin: its module needs a default export made with definePlugin',
    );
    expect(await refusal([entry('@acme/p2c-template-missing')])).toBe(
      "Plugin '@acme/p2c-template-missing' (plugins[0] in p2c.config.yaml): is not installed. Install it where the config is: npm install @acme/p2c-template-missing",
    );
    expect(await refusal([entry('./plugins/nowhere.js')])).toMatch(/cannot be found: nothing at .*nowhere\.js$/);
  });

  it('leaves two plugins providing one template to the registry, which refuses them by name', async () => {
    install('@acme/one', projectsPluginSource({ name: '@acme/one' }));
    install('@acme/two', projectsPluginSource({ name: '@acme/two' }));
    const registry = new TemplateRegistry();
    const [one, two] = await loadPlugins([entry('@acme/one'), entry('@acme/two')], dir);
    registry.register(one!);
    expect(() => registry.register(two!)).toThrow(
      "Plugins '@acme/one' and '@acme/two' both provide template 'projects'; remove one.",
    );
  });
});
