import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateRegistry } from '@p2c/core';
import { accountsPlugin } from '@p2c/template-accounts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { captureEnvironment } from '../../test/support/captureEnvironment.js';
import { runCli } from '../cli/runCli.js';
import { loadConfig } from '../config/loadConfig.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

it('writes a commented starter config that loads as a valid config', async () => {
  const result = await p2c(['init', '--config', 'conf/p2c.yaml']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('P2C_SALES_CLIENT_SECRET and P2C_FINOPS_CLIENT_SECRET');
  const text = readFileSync(join(dir, 'conf', 'p2c.yaml'), 'utf8');
  expect(text).toMatch(/^# state: where p2c keeps runs/m);
  expect(text).toMatch(/^# organizations: CDS organization id -> F&O legal entity/m);
  const templates = new TemplateRegistry();
  templates.register(accountsPlugin);
  const config = loadConfig('conf/p2c.yaml', templates, dir);
  expect(config.statePath).toBe(join(dir, 'conf', '.p2c', 'state.db'));
});

it('refuses to overwrite a config unless forced', async () => {
  expect((await p2c(['init'])).code).toBe(0);
  const again = await p2c(['init']);
  expect(again).toEqual({
    code: 3,
    stdout: '',
    stderr: 'p2c: p2c.config.yaml already exists; pass --force to overwrite it\n',
  });
  expect((await p2c(['init', '--force'])).code).toBe(0);
});

it('refuses an emulator URL that is not https', async () => {
  const result = await p2c(['init', '--emulator', 'http://127.0.0.1:8443']);
  expect(result.code).toBe(3);
  expect(result.stderr).toBe(
    'p2c: --emulator: expected an https URL (the emulator serves HTTPS), got http://127.0.0.1:8443\n',
  );
});
