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

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: {} });
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
});
