import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord, RunSummary } from '@p2c/core';
import { DEFAULT_CREDENTIALS, type DataverseAccount, type FinOpsCustomer } from '@p2c/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './support/httpsJson.js';
import { runP2c, startP2cEmulator } from './support/spawnP2c.js';

/**
 * The whole CLI as a user runs it: `p2c emulator` and `p2c` itself in child processes, set up
 * with `p2c init --emulator`, talking HTTPS with Entra ID tokens.
 */
const SEED = {
  sales: {
    accounts: [
      {
        name: 'Contoso Ltd',
        accountnumber: 'ACC-09001-CONTSO',
        address1_country: 'United States',
        address1_city: 'Seattle',
        paymenttermscode: 1,
        transactioncurrencyid: { isocurrencycode: 'USD' },
      },
      {
        name: 'Fabrikam GmbH',
        address1_country: 'germany',
        address1_city: 'Berlin',
        transactioncurrencyid: { isocurrencycode: 'EUR' },
      },
      { name: 'Northwind Traders', accountnumber: 'ACC-09002-NWTRAD', address1_country: 'DEU' },
    ],
  },
  finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
};
const WRONG_SECRET = 'wrong-secret-Zq81xK';

let dir: string;
/** Undefined when beforeAll failed before starting it. */
let emulator: ReturnType<typeof startP2cEmulator> | undefined;
let url: string;
let ca: string;
let env: NodeJS.ProcessEnv;

/** The parent's environment without any p2c secret, plus `extra`. */
function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('P2C_')));
  return { ...clean, ...extra };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-cli-e2e-'));
  writeFileSync(join(dir, 'seed.json'), JSON.stringify(SEED));
  emulator = startP2cEmulator(['--seed', 'seed.json'], { cwd: dir, env: baseEnv() });
  url = await emulator.url;
});

afterAll(async () => {
  const exit = await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
  // Stopped by Ctrl-C, it closes cleanly.
  expect(exit?.code).toBe(0);
});

describe('p2c against p2c emulator', () => {
  it('prints the emulator URL on the first line', () => {
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('init --emulator pins the CA and prints the export lines', async () => {
    const result = await runP2c(['init', '--emulator', url], { cwd: dir, env: baseEnv() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `export P2C_SALES_CLIENT_SECRET='${DEFAULT_CREDENTIALS.clientSecret}'\nexport P2C_FINOPS_CLIENT_SECRET='${DEFAULT_CREDENTIALS.clientSecret}'\n`,
    );
    ca = readFileSync(join(dir, '.p2c', 'emulator-ca.pem'), 'utf8');
    expect(ca).toContain('BEGIN CERTIFICATE');
    const config = readFileSync(join(dir, 'p2c.config.yaml'), 'utf8');
    expect(config).toContain(`url: ${url}`);
    expect(config).toContain(`authorityHost: ${url}`);
    expect(config).not.toContain(DEFAULT_CREDENTIALS.clientSecret);
    env = baseEnv(
      Object.fromEntries([...result.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!])),
    );
  });

  it('init refuses to overwrite the config without --force', async () => {
    const result = await runP2c(['init', '--emulator', url], { cwd: dir, env: baseEnv() });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('p2c: p2c.config.yaml already exists; pass --force to overwrite it\n');
  });

  it('runs the accounts template: one JSON summary on stdout, exit 0, customers in F&O', async () => {
    const result = await runP2c(['run', 'accounts', '--json'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(result.stdout).toBe(`${JSON.stringify(summary)}\n`);
    expect(summary).toMatchObject({
      templateId: 'accounts',
      status: 'Completed',
      dryRun: false,
      counts: { read: 3, created: 3, updated: 0, unchanged: 0, failed: 0, keysGenerated: 1 },
    });

    const accounts = await getJson<DataverseAccount[]>(`${url}/_emulator/sales/accounts`, ca);
    const fabrikamNumber = accounts.find((a) => a.name === 'Fabrikam GmbH')?.accountnumber;
    expect(fabrikamNumber).toMatch(/^ACC-\d{5}-[A-Z]{6}$/);

    const customers = await getJson<FinOpsCustomer[]>(`${url}/_emulator/finops/customers`, ca);
    const byAccount = new Map(customers.map((c) => [c.CustomerAccount, c]));
    expect([...byAccount.keys()].sort()).toEqual(['ACC-09001-CONTSO', 'ACC-09002-NWTRAD', fabrikamNumber].sort());
    expect(byAccount.get(fabrikamNumber!)).toMatchObject({
      dataAreaId: 'usmf',
      OrganizationName: 'Fabrikam GmbH',
      AddressCountryRegionISOCode: 'DEU',
      SalesCurrencyCode: 'EUR',
      CustomerGroupId: '10',
      IsExternallyMaintained: 'Yes',
    });
    // Payment terms are not mapped until the config gives them a value map (the starter config does not).
    expect(byAccount.get('ACC-09001-CONTSO')).toMatchObject({ AddressCountryRegionISOCode: 'USA', PaymentTerms: '' });
  });

  it('writes nothing when run again over an unchanged source', async () => {
    const result = await runP2c(['run', 'accounts', '--json', '--full'], { cwd: dir, env });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(summary.counts).toMatchObject({ read: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
  });

  it('lists both runs in history, newest first, without any secret in the environment', async () => {
    const result = await runP2c(['history', '--json'], { cwd: dir, env: baseEnv() });
    expect(result.code).toBe(0);
    const runs = JSON.parse(result.stdout) as RunRecord[];
    expect(runs.map((r) => [r.mode, r.status, r.counts.created])).toEqual([
      ['full', 'Completed', 0],
      ['incremental', 'Completed', 3],
    ]);
  });

  it('stops with a clear message, exit 2 and no secret anywhere when the secret is wrong', async () => {
    const result = await runP2c(['run', 'accounts'], {
      cwd: dir,
      env: { ...env, P2C_SALES_CLIENT_SECRET: WRONG_SECRET, P2C_FINOPS_CLIENT_SECRET: WRONG_SECRET },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Status\s+Error/);
    expect(result.stdout).toContain('Microsoft Entra ID gave no token');
    expect(result.stdout).toContain('Invalid client secret');
    expect(`${result.stdout}${result.stderr}`).not.toContain(WRONG_SECRET);
  });

  it('says which variable to export when a secret is missing, exit 3', async () => {
    const result = await runP2c(['run', 'accounts'], {
      cwd: dir,
      env: baseEnv({ P2C_SALES_CLIENT_SECRET: DEFAULT_CREDENTIALS.clientSecret }),
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'p2c: connections.finops.clientSecretEnv: environment variable P2C_FINOPS_CLIENT_SECRET is not set; export it before running\n',
    );
  });

  it('keeps no secret in the state store', () => {
    const files = readdirSync(join(dir, '.p2c')).filter((name) => name.startsWith('state.db'));
    expect(files).toContain('state.db');
    for (const file of files) {
      const bytes = readFileSync(join(dir, '.p2c', file));
      expect(bytes.includes(DEFAULT_CREDENTIALS.clientSecret)).toBe(false);
      expect(bytes.includes(WRONG_SECRET)).toBe(false);
    }
  });
});
