import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { starterConfig } from '../src/config/starterConfig.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { projectsPluginSource } from './support/projectsPluginSource.js';

/** Plugins named in the config, loaded the way p2c loads its own. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-plugin-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(plugins: string, coreApi = '^0.2.0'): void {
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  writeFileSync(join(dir, 'plugins', 'projects.mjs'), projectsPluginSource({ name: 'projects-plugin', coreApi }));
  const config = starterConfig().replace(/^plugins:\n( {2}- .*\n)+/m, `plugins:\n${plugins}\n`);
  writeFileSync(join(dir, 'p2c.config.yaml'), config);
}

async function p2c(args: string[], env: NodeJS.ProcessEnv = {}) {
  const capture = captureEnvironment({ cwd: dir, env });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe('plugins named in the config', () => {
  it("loads exactly the listed ones, p2c's own by package name and another by path", async () => {
    writeConfig('  - "@p2c/template-accounts"\n  - ./plugins/projects.mjs');
    const result = await p2c(['templates', '--json']);
    expect(result.code).toBe(0);
    const templates = JSON.parse(result.stdout) as { id: string }[];
    expect(templates.map((template) => template.id)).toEqual(['accounts', 'projects']);
  });

  it('refuses, exit 3, a plugin built for another core, naming it and where it is listed', async () => {
    writeConfig('  - "@p2c/template-accounts"\n  - ./plugins/projects.mjs', '^1.0.0');
    const result = await p2c(['templates']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugin './plugins/projects.mjs' (plugins[1] in p2c.config.yaml): projects-plugin 1.2.0 was built for core ^1.0.0; this p2c has core 0.2.0. Install a version of the plugin built for core ^0.2.0.\n",
    );
  });

  it('refuses two plugins that provide the same template id', async () => {
    writeConfig('  - ./plugins/projects.mjs\n  - ./plugins/projects.mjs');
    const result = await p2c(['templates']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugins 'projects-plugin' and 'projects-plugin' both provide template 'projects'; remove one.\n",
    );
  });

  it('masks a secret the config names in the error a plugin throws while it loads', async () => {
    writeConfig('  - ./plugins/leaky.mjs');
    writeFileSync(
      join(dir, 'plugins', 'leaky.mjs'),
      // As a plugin that read the secret (in this process, the test's env is not process.env).
      "throw new Error('cannot reach the API with Plug1n-Leak-S3cret');\n",
    );
    const result = await p2c(['templates'], { P2C_SALES_CLIENT_SECRET: 'Plug1n-Leak-S3cret' });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugin './plugins/leaky.mjs' (plugins[0] in p2c.config.yaml): could not be loaded: cannot reach the API with ***\n",
    );
  });

  it('gives up, exit 3, on a plugin whose module never finishes loading, naming it and the limit', async () => {
    writeConfig('  - ./plugins/stuck.mjs');
    writeFileSync(join(dir, 'plugins', 'stuck.mjs'), 'await new Promise(() => {});\nexport default {};\n');
    const result = await p2c(['templates'], { P2C_PLUGIN_LOAD_TIMEOUT_MS: '300' });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugin './plugins/stuck.mjs' (plugins[0] in p2c.config.yaml): did not finish loading within 0.3 s (its module's top-level code never settled); fix or remove the plugin, or raise P2C_PLUGIN_LOAD_TIMEOUT_MS\n",
    );
  });

  describe('preconditions in a plugin template', () => {
    const withPreconditions = (preconditions: string) =>
      writeFileSync(
        join(dir, 'plugins', 'projects.mjs'),
        projectsPluginSource({ name: 'projects-plugin' }).replace("preconditions: ['accounts']", preconditions),
      );

    it('loads plain template ids, if-used ones and one-of ones, and shows each in p2c templates', async () => {
      writeConfig('  - "@p2c/template-accounts"\n  - ./plugins/projects.mjs');
      withPreconditions(
        "preconditions: ['accounts', { template: 'contacts', ifUsed: true }, { anyOf: ['accounts', 'contact-to-customer'] }]",
      );
      const result = await p2c(['templates']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /\nprojects\s+Projects \(Sales to Fin and Ops\)\s+Projects\s+dataverse:new_projects -> finops:ProjectsV2\s+accounts, contacts \(not installed\) \(if used\), one of accounts or contact-to-customer \(not installed\)\s/,
      );
    });

    it('refuses, exit 3 at load, a precondition that is none of the three shapes, naming where it is', async () => {
      writeConfig('  - ./plugins/projects.mjs');
      withPreconditions("preconditions: [{ template: 'accounts' }]");
      const result = await p2c(['templates']);
      expect(result.code).toBe(3);
      expect(result.stderr).toBe(
        "p2c: Plugin './plugins/projects.mjs' (plugins[0] in p2c.config.yaml): its manifest is not valid: templates.0.preconditions.0: expected a template id, { template: '<id>', ifUsed: true } or { anyOf: ['<id>', '<id>', ...], provides?: '<what>' }\n",
      );
    });
  });
});
