import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { starterConfig } from '../src/config/starterConfig.js';
import { captureEnvironment } from './support/captureEnvironment.js';

/** A wrong config or state file as the user sees it: the exit code and one line naming the file. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-errors-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: {} });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

function writeConfig(statePath = './.p2c/state.db'): void {
  writeFileSync(join(dir, 'p2c.config.yaml'), starterConfig().replace('./.p2c/state.db', statePath));
}

describe('a wrong config file', () => {
  it('given as a folder is a configuration error (exit 3) naming it', async () => {
    mkdirSync(join(dir, 'conf'));
    const result = await p2c(['history', '--config', 'conf']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'p2c: conf is a folder, not a config file; pass --config with the path of the YAML file in it\n',
    );
  });

  it('that expands aliases without end is refused (exit 3), naming it', async () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ] as const) {
      rows.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    writeFileSync(join(dir, 'p2c.config.yaml'), `${rows.join('\n')}\n`);
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'p2c: p2c.config.yaml: not usable YAML: Excessive alias count indicates a resource exhaustion attack; write the values out instead of expanding aliases\n',
    );
  });
});

describe('a wrong state file', () => {
  it('under a file is a configuration error (exit 3) naming the path', async () => {
    writeFileSync(join(dir, 'blocker'), 'not a folder');
    writeConfig('./blocker/state.db');
    const result = await p2c(['retry', 'accounts', '--list']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`p2c: The state database ${join(dir, 'blocker', 'state.db')} cannot be created`);
    expect(result.stderr).toContain('Point the state path at a file in a folder p2c may write.');
  });

  it('that is not a database names the file and what to do (exit 2)', async () => {
    writeConfig();
    mkdirSync(join(dir, '.p2c'));
    writeFileSync(
      join(dir, '.p2c', 'state.db'),
      'this is no SQLite file, just some text that is long enough'.repeat(20),
    );
    const result = await p2c(['history']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^p2c: The state database \S+state\.db is not a readable SQLite database \(corrupt, or another file\): restore it from a backup, or move it aside/,
    );
  });

  it('is only read by history, which creates nothing', async () => {
    writeConfig();
    const result = await p2c(['history']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("No runs yet. Start one with 'p2c run <template>'.\n");
    expect(existsSync(join(dir, '.p2c', 'state.db'))).toBe(false);
  });
});

describe('p2c retry --skip', () => {
  it('refuses (exit 3) an id that is not waiting to be tried again, and skips nothing', async () => {
    writeConfig();
    const result = await p2c(['retry', 'accounts', '--skip', 'no-such-id']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      "p2c: Not waiting to be tried again in 'accounts': 'no-such-id'; nothing was skipped. 'p2c retry accounts --list' lists the records that are.\n",
    );
  });
});
