import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { starterConfig } from '../src/config/starterConfig.js';
import { captureEnvironment } from './support/captureEnvironment.js';

/** Connector plugins named in the config: each checked as it loads, one message and exit 3 when wrong. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-connector-plugins-'));
  mkdirSync(join(dir, 'plugins'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A connector plugin written in JavaScript, its settings checked by a schema with zod's safeParse shape. */
function connectorPlugin(descriptor: string): string {
  return `const folderSchema = { safeParse: (input) => typeof input.folder === 'string'
    ? { success: true, data: input }
    : { success: false, error: { issues: [{ path: ['folder'], message: 'required: the folder of the files' }] } } };
export default {
  name: 'files-plugin',
  version: '1.0.0',
  coreApi: '^0.2.0',
  connectors: [${descriptor}],
};
`;
}

const FILES = `{ kind: 'files', coreApi: '^0.2.0', offers: ['source', 'destination'], connectionSchema: folderSchema,
  create: () => ({ kind: 'files' }) }`;

function writeConfig(options: { plugins: string; connection?: string; plugin?: string }): void {
  if (options.plugin !== undefined) writeFileSync(join(dir, 'plugins', 'files.mjs'), connectorPlugin(options.plugin));
  let config = starterConfig().replace(/^plugins:\n( {2}- .*\n)+/m, `plugins:\n${options.plugins}\n`);
  if (options.connection !== undefined)
    config = config.replace(/^connections:\n/m, `connections:\n${options.connection}\n`);
  writeFileSync(join(dir, 'p2c.config.yaml'), config);
}

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: {} });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

const PLUGINS = '  - "@p2c/template-accounts"\n  - ./plugins/files.mjs';

describe('connector plugins named in the config', () => {
  it('loads a connector by path beside the two of p2c, and checks its connection with its schema', async () => {
    writeConfig({ plugins: PLUGINS, plugin: FILES, connection: '  exports:\n    kind: files\n    folder: ./exports' });
    const result = await p2c(['history']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses, exit 3, a connector plugin that is not there', async () => {
    writeConfig({ plugins: '  - ./plugins/nowhere.mjs\n  - "@acme/p2c-connector-missing"' });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^p2c: Plugin '\.\/plugins\/nowhere\.mjs' \(plugins\[0\] in p2c\.config\.yaml\): cannot be found: nothing at .*nowhere\.mjs\n$/,
    );
  });

  it('refuses, exit 3, a connector that is not a whole descriptor, naming the field', async () => {
    writeConfig({
      plugins: PLUGINS,
      plugin: `{ kind: 'files', coreApi: '^0.2.0', offers: ['source'], create: () => null }`,
    });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugin './plugins/files.mjs' (plugins[1] in p2c.config.yaml): its manifest is not valid: connectors.0.connectionSchema: expected a zod schema\n",
    );
  });

  it('refuses, exit 3, a connector built for another core', async () => {
    writeConfig({ plugins: PLUGINS, plugin: FILES.replace("coreApi: '^0.2.0'", "coreApi: '^1.0.0'") });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugin './plugins/files.mjs' (plugins[1] in p2c.config.yaml): its connector 'files' was built for core ^1.0.0; this p2c has core 0.2.0. Install a version of the plugin built for core ^0.2.0.\n",
    );
  });

  it('refuses, exit 3, connection settings its schema rejects, naming the field and the plugin', async () => {
    writeConfig({ plugins: PLUGINS, plugin: FILES, connection: '  exports:\n    kind: files\n    path: ./exports' });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: p2c.config.yaml: connections.exports.folder: required: the folder of the files (connector 'files' of plugin 'files-plugin')\n",
    );
  });

  it('refuses, exit 3, a connection whose kind no connector provides, listing the kinds it knows', async () => {
    writeConfig({
      plugins: '  - "@p2c/template-accounts"',
      connection: '  exports:\n    kind: files\n    folder: ./x',
    });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: p2c.config.yaml: connections.exports.kind: no connector of kind 'files' is registered; known kinds: dataverse, finops. Add the plugin that provides it to plugins:\n",
    );
  });

  it('refuses, exit 3, two plugins providing one connector kind', async () => {
    writeConfig({ plugins: `${PLUGINS}\n  - ./plugins/files.mjs`, plugin: FILES });
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Plugins 'files-plugin' and 'files-plugin' both provide connector 'files'; remove one.\n",
    );
  });
});
