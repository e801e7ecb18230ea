import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/** Account numbers F&O's emulator used to answer with a 500 for the whole `$batch`. */
const HOSTILE_NUMBERS = ['ACC-中文-01', 'ACC-😀-02', 'ACC-\u200b-03', 'ACC-\n-04', 'ACC-\u0000-05'];

let dir: string;
let server: EmulatorServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-hostile-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe('account numbers outside Latin-1 or with control characters', () => {
  it('sync under their own keys and never keep the other records of their batch from syncing', async () => {
    const good = Array.from({ length: 40 }, (_, i) => ({
      name: `Good ${i}`,
      accountnumber: `ACC-${String(10000 + i)}-GOODAA`,
      address1_country: 'USA',
    }));
    const hostile = HOSTILE_NUMBERS.map((accountnumber, i) => ({
      name: `Hostile ${i}`,
      accountnumber,
      address1_country: 'USA',
    }));
    // Hostile records spread through the batch, so good ones come before and after them.
    const accounts = good.flatMap((account, i) => (i % 8 === 3 ? [account, hostile[(i - 3) / 8]!] : [account]));
    server = await emulatorProject(dir, {
      sales: { accounts },
      finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
    });

    const result = await p2c(['run', 'accounts', '--json']);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(summary.status).toBe('Completed');
    expect(summary.counts).toMatchObject({ read: 45, created: 45, failed: 0 });
    const customers = server.emulator.finops.customers.list().map((c) => c.CustomerAccount);
    expect(customers.sort()).toEqual(accounts.map((a) => a.accountnumber).sort());

    // A second run finds every record as written: nothing created twice, nothing failed.
    const again = JSON.parse((await p2c(['run', 'accounts', '--json'])).stdout) as RunSummary;
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(server.emulator.finops.customers.list()).toHaveLength(45);
  });

  it.each(['500-after', 'reset-after'] as const)(
    'a batch whose answer is lost (%s) is sent again in parts: nothing failed, nothing created twice',
    async (fault) => {
      const accounts = Array.from({ length: 45 }, (_, i) => ({
        name: `Lost ${i}`,
        accountnumber: `ACC-${String(20000 + i)}-LOSTAA`,
        address1_country: 'USA',
      }));
      server = await emulatorProject(dir, {
        sales: { accounts },
        finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
      });
      // The first F&O batch is applied, then its answer never arrives.
      server.emulator.setFaults({ script: [{ match: { service: 'finops', method: 'POST', path: '$batch' }, fault }] });

      const result = await p2c(['run', 'accounts', '--json']);
      const summary = JSON.parse(result.stdout) as RunSummary;
      expect(summary.status).toBe('Completed');
      // Found in F&O when sent again: reported as updated, never as failed or created twice.
      expect(summary.counts).toMatchObject({ read: 45, created: 0, updated: 45, failed: 0 });
      expect(summary.failures).toEqual([]);
      const creates = server.emulator.writeLog().filter((entry) => entry.service === 'finops');
      expect(creates).toHaveLength(45);
      expect(creates.every((entry) => entry.create === 1)).toBe(true);

      const history = await p2c(['history', summary.runId!]);
      expect(history.stdout).toMatch(/Status\s+Completed/);
      expect(history.stdout).toMatch(/Failed\s+0\n/);
    },
  );

  it('a batch the service fails as a whole before running it (500) is written in parts', async () => {
    const accounts = Array.from({ length: 45 }, (_, i) => ({
      name: `Refused ${i}`,
      accountnumber: `ACC-${String(30000 + i)}-REFUSE`,
      address1_country: 'USA',
    }));
    server = await emulatorProject(dir, {
      sales: { accounts },
      finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
    });
    server.emulator.setFaults({
      script: [{ match: { service: 'finops', method: 'POST', path: '$batch' }, fault: '500' }],
    });

    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created\s+45\n/);
    expect(result.stdout).toMatch(/Failed\s+0\n/);
    expect(result.stderr).toContain('sending it again in two parts');
    expect(server.emulator.finops.customers.list()).toHaveLength(45);
  });
});
