import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/** Sales data written by someone who wants to drive the operator's terminal. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202e';
/** Any control character but tab and newline, and the bidi override. */
// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

let dir: string;
let server: EmulatorServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-terminal-'));
  server = await emulatorProject(dir, {
    sales: {
      accounts: [
        { name: `Contoso${HOSTILE}`, accountnumber: 'ACC-09001-CONTSO', address1_country: 'United States' },
        // Its country cannot be resolved, so the record fails and its value lands in the failure table.
        { name: `Atlantic${HOSTILE}`, accountnumber: 'ACC-09003-ATLANT', address1_country: `Atlantis${HOSTILE}` },
      ],
    },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe('values from Sales on the terminal', () => {
  it('are shown escaped in the run failure table and in history, and exact in --json', async () => {
    const run = await p2c(['run', 'accounts', '--verbose']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain(`cannot resolve the country 'Atlantis${SHOWN}'`);

    const runId = /p2c history (\w+)/.exec(run.stdout)?.[1];
    const history = await p2c(['history', runId!]);
    expect(history.code).toBe(0);
    expect(history.stdout).not.toMatch(RAW_CONTROL);
    expect(history.stdout).toContain(`cannot resolve the country 'Atlantis${SHOWN}'`);

    const json = await p2c(['history', runId!, '--json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const detail = JSON.parse(json.stdout) as { failures: { message: string }[] };
    expect(detail.failures[0]?.message).toContain(`'Atlantis${HOSTILE}'`);
  });

  it('reach --json exactly as Sales holds them, with no raw control byte', async () => {
    const run = await p2c(['run', 'accounts', '--json', '--full']);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const summary = JSON.parse(run.stdout) as RunSummary;
    expect(JSON.stringify(summary)).toContain(JSON.stringify(`Atlantis${HOSTILE}`).slice(1, -1));
  });
});
