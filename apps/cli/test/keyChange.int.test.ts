import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { SqliteStateStore } from '@p2c/state-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/**
 * Item 8 of issue 11: an account whose number changes in Sales. The run must say so (a key
 * change, status Warning) in its summary, `--json`, `p2c history RUN` and the state file, and
 * F&O holds the customer under its new number beside the old one (the `report` behaviour: no
 * data is held back, the operator merges or renames in F&O).
 */
let dir: string;
let server: EmulatorServer;

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** PATCHes a Sales account through the emulator's admin API, as an operator editing it would. */
function patchAccount(id: string, patch: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(patch);
    const req = request(
      `${server.url}/_emulator/sales/accounts/${encodeURIComponent(id)}`,
      { method: 'PATCH', ca: server.caPem, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-key-change-'));
  server = await emulatorProject(dir, {
    sales: {
      accounts: [
        { name: 'Contoso Ltd', accountnumber: 'ACC-09001-CONTSO', address1_country: 'United States' },
        { name: 'Northwind Traders', accountnumber: 'ACC-09002-NWTRAD', address1_country: 'DEU' },
      ],
    },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an account whose number changes in Sales', () => {
  it('is reported as a key change in the summary, --json, history and the state file; the run is a Warning', async () => {
    const first = await p2c(['run', 'accounts', '--json']);
    expect(first.code).toBe(0);
    const contoso = server.emulator.sales.accounts.list().find((a) => a.name === 'Contoso Ltd');
    expect(await patchAccount(contoso!.accountid, { accountnumber: 'ACC-09009-CONTSO' })).toBe(200);

    const second = await p2c(['run', 'accounts', '--json']);
    const summary = JSON.parse(second.stdout) as RunSummary;
    expect(summary.status).toBe('Warning');
    expect(second.code).toBe(1);
    expect(summary.counts).toMatchObject({ created: 1, failed: 0, keyChanged: 1 });
    const change = {
      taskId: expect.any(String) as unknown,
      sourceId: contoso!.accountid,
      oldKey: 'ACC-09001-CONTSO',
      newKey: 'ACC-09009-CONTSO',
      action: 'reported',
    };
    expect(summary.keyChanges).toEqual([change]);

    // F&O: the customer under its new number, and the old one still there (report only).
    const accounts = server.emulator.finops.customers.list().map((c) => c.CustomerAccount);
    expect(accounts.sort()).toEqual(['ACC-09001-CONTSO', 'ACC-09002-NWTRAD', 'ACC-09009-CONTSO']);

    const history = await p2c(['history', summary.runId!]);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/Key changed in the source.*\n.*SOURCE ID.*OLD KEY.*NEW KEY/);
    expect(history.stdout).toMatch(new RegExp(`${contoso!.accountid}\\s+ACC-09001-CONTSO\\s+ACC-09009-CONTSO\\s+`));
    const historyJson = JSON.parse((await p2c(['history', summary.runId!, '--json'])).stdout) as {
      status: string;
      counts: { keyChanged: number };
      keyChanges: unknown[];
    };
    expect(historyJson).toMatchObject({ status: 'Warning', counts: { keyChanged: 1 }, keyChanges: [change] });

    const state = await SqliteStateStore.open(join(dir, '.p2c', 'state.db'));
    try {
      expect(await state.listKeyChanges(summary.runId!, { limit: 10 })).toEqual([change]);
    } finally {
      await state.close();
    }

    // The change is reported once: the next run finds the record synced under its new number.
    const third = JSON.parse((await p2c(['run', 'accounts', '--json', '--full'])).stdout) as RunSummary;
    expect(third).toMatchObject({ status: 'Completed', keyChanges: [], counts: { keyChanged: 0, unchanged: 2 } });
  });

  it('prints the key change in the run summary a person reads', async () => {
    expect((await p2c(['run', 'accounts'])).code).toBe(0);
    const contoso = server.emulator.sales.accounts.list().find((a) => a.name === 'Contoso Ltd');
    await patchAccount(contoso!.accountid, { accountnumber: 'ACC-09009-CONTSO' });

    const second = await p2c(['run', 'accounts']);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/Account numbers changed in the source\s+1/);
    expect(second.stdout).toMatch(/Status\s+Warning \(some account numbers changed in the source;/);
    expect(second.stdout).toMatch(/ACC-09001-CONTSO\s+ACC-09009-CONTSO/);
  });

  it('refuses onKeyChange: rename at load (exit 3): F&O customers cannot be renamed through OData', async () => {
    const path = join(dir, 'p2c.config.yaml');
    const config = readFileSync(path, 'utf8');
    const setting = 'batchSize: 100      # records per write request to F&O (1-1000)';
    expect(config).toContain(setting);
    writeFileSync(path, config.replace(setting, `${setting}\n        onKeyChange: rename`));

    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      "onKeyChange: 'rename' needs a destination that can rename a key; finops CustomersV3 cannot",
    );
    expect(server.emulator.finops.customers.list()).toEqual([]);
  });
});
