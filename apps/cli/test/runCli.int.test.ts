import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import { DEFAULT_CREDENTIALS, type EmulatorSeed, type EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { starterConfig } from '../src/config/starterConfig.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/** The commands in this process (fast), against an emulator served over HTTPS in this process. */
const SECRETS = EMULATOR_SECRETS;

const ACCOUNTS = [
  { name: 'Contoso Ltd', accountnumber: 'ACC-09001-CONTSO', address1_country: 'United States' },
  { name: 'Fabrikam GmbH', address1_country: 'DE' },
  { name: 'Atlantic Holdings', accountnumber: 'ACC-09003-ATLANT', address1_country: 'Atlantis' },
];

let dir: string;
let server: EmulatorServer;
/** The server to close after the test, when one was started. */
let running: EmulatorServer | undefined;

async function setUp(accounts: NonNullable<EmulatorSeed['sales']>['accounts']): Promise<void> {
  server = await emulatorProject(dir, {
    sales: { accounts },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  });
  running = server;
}

async function p2c(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onStderr?: (text: string) => void; stopOn?: RegExp } = {},
) {
  const capture: ReturnType<typeof captureEnvironment> = captureEnvironment({
    cwd: dir,
    env: options.env ?? SECRETS,
    onStderr: (text) => {
      if (options.stopOn?.test(text)) capture.stop();
    },
  });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-cli-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('p2c run', () => {
  it('ends with Warning (exit 1) when some records fail, naming each with its key and reason', async () => {
    await setUp(ACCOUNTS);
    const result = await p2c(['run', 'accounts']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Read\s+3\n/);
    expect(result.stdout).toMatch(/Created\s+2\n/);
    expect(result.stdout).toMatch(/Failed\s+1\n/);
    expect(result.stdout).toMatch(/Account numbers generated\s+1\n/);
    expect(result.stdout).toMatch(/Status\s+Warning/);
    expect(result.stdout).toMatch(
      /ACC-09003-ATLANT\s+UNKNOWN_COUNTRY\s+AddressCountryRegionISOCode: cannot resolve the country 'Atlantis'/,
    );
    // Progress went to stderr, in plain lines: stderr is not a terminal here.
    expect(result.stderr).toContain('Accounts - Account - Customers  100% 3/3');

    const runId = /p2c history (\w+)/.exec(result.stdout)?.[1];
    const history = await p2c(['history', runId!]);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/Status\s+Warning/);
    expect(history.stdout).toMatch(
      /ACC-09003-ATLANT\s+UNKNOWN_COUNTRY\s+AddressCountryRegionISOCode: cannot resolve the country 'Atlantis'/,
    );
  });

  it('changes nothing anywhere on a dry run, and lists what it would write', async () => {
    await setUp(ACCOUNTS.slice(0, 2));
    const result = await p2c(['run', 'Accounts (Sales to Fin and Ops)', '--dry-run', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(summary).toMatchObject({
      runId: null,
      dryRun: true,
      status: 'Completed',
      counts: { created: 2, keysGenerated: 1 },
    });
    expect(summary.planned.map((p) => [p.status, p.key])).toEqual(
      expect.arrayContaining([
        ['created', 'usmf|ACC-09001-CONTSO'],
        ['created', 'usmf|(new ACC number)'],
      ]),
    );
    expect(result.stderr).toBe('');
    expect(server.emulator.finops.customers.list()).toEqual([]);
    expect(server.emulator.sales.accounts.list().find((a) => a.name === 'Fabrikam GmbH')?.accountnumber).toBeNull();
    expect((await p2c(['history', '--json'])).stdout).toBe('[]\n');

    const text = await p2c(['run', 'accounts', '--dry-run']);
    expect(text.stdout).toContain('dry run: nothing was written');
    expect(text.stdout).toMatch(/create\s+usmf\|ACC-09001-CONTSO/);
  });

  it('stops between pages on Ctrl-C: exit 2, and what was committed stays', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      name: `Account ${i}`,
      accountnumber: `ACC-${30000 + i}-ABCDEF`,
      address1_country: 'USA',
    }));
    await setUp(many);
    const file = join(dir, 'p2c.config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/pageSize: \d+/, 'pageSize: 100'));
    const result = await p2c(['run', 'accounts'], { stopOn: /\d+%/ });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Status\s+Error/);
    expect(result.stdout).toContain('Stopped: Accounts - Account - Customers: stopped by the user');
    const written = server.emulator.finops.customers.list().length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1000);
    expect(result.stdout).toMatch(new RegExp(`Created\\s+${written}\\n`));
  });

  it('prints the JSON summary only, and no secret, with --json', async () => {
    await setUp(ACCOUNTS.slice(0, 1));
    const result = await p2c(['run', 'accounts', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'Completed', counts: { created: 1 } });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain(DEFAULT_CREDENTIALS.clientSecret);
  });
});

describe('p2c account-numbers backfill', () => {
  it('counts on a dry run, then numbers every account without one, then has nothing left to do', async () => {
    await setUp([...ACCOUNTS, { name: 'Litware Inc.' }]);
    const dry = await p2c(['account-numbers', 'backfill', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Scanned\s+4\n/);
    expect(dry.stdout).toMatch(/Would number\s+2\n/);
    expect(server.emulator.sales.accounts.list().filter((a) => a.accountnumber === null)).toHaveLength(2);

    const real = await p2c(['account-numbers', 'backfill', '--json']);
    expect(real.code).toBe(0);
    const result = JSON.parse(real.stdout) as { assignedCount: number; assigned: { id: string; key: string }[] };
    expect(result.assignedCount).toBe(2);
    for (const { id, key } of result.assigned) {
      expect(key).toMatch(/^ACC-\d{5}-[A-Z]{6}$/);
      expect(server.emulator.sales.accounts.get(id)?.accountnumber).toBe(key);
    }
    const again = await p2c(['account-numbers', 'backfill']);
    expect(again.stdout).toMatch(/Numbered\s+0\n/);
  });
});

describe('p2c contact-numbers backfill', () => {
  it('numbers every Sales contact without a contact number from the contact sequence', async () => {
    await setUp(ACCOUNTS);
    const contacts = server.emulator.sales.table('contacts');
    contacts.insert({ lastname: 'Davolio', msdyn_isactivecustomer: true });
    contacts.insert({ lastname: 'Fuller', msdyn_contactnumber: 'CON-09001-FULLER' });

    const real = await p2c(['contact-numbers', 'backfill', '--json']);

    expect(real.code).toBe(0);
    const result = JSON.parse(real.stdout) as {
      taskId: string;
      assignedCount: number;
      assigned: { id: string; key: string }[];
    };
    expect(result).toMatchObject({ taskId: 'ContactToCustomer', assignedCount: 1 });
    expect(result.assigned[0]!.key).toMatch(/^CON-\d{5}-[A-Z]{6}$/);
    expect(contacts.get(result.assigned[0]!.id)?.['msdyn_contactnumber']).toBe(result.assigned[0]!.key);
  });
});

describe('commands that need no secret', () => {
  it('scaffolds a template package with p2c template new, and will not write over a folder in use', async () => {
    const made = await p2c(['template', 'new', 'projects'], { env: {} });
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(
      "Created p2c-template-projects in p2c-template-projects: template 'projects' (new_projects -> Projects).",
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'p2c-template-projects', 'package.json'), 'utf8')) as {
      name: string;
      peerDependencies: Record<string, string>;
    };
    expect(manifest.name).toBe('p2c-template-projects');
    expect(manifest.peerDependencies['@p2c/core']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(readFileSync(join(dir, 'p2c-template-projects', 'test', 'projectsTemplate.int.test.ts'), 'utf8')).toContain(
      "h.run('projects')",
    );

    const again = await p2c(['template', 'new', 'projects'], { env: {} });
    expect(again.code).toBe(3);
    expect(again.stderr).toMatch(/p2c-template-projects already exists and is not empty; choose another --dir\n$/);
  });

  it('lists the templates without a config file', async () => {
    const result = await p2c(['templates'], { env: {} });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /accounts\s+Accounts \(Sales to Fin and Ops\)\s+Accounts - Account - Customers\s+dataverse:accounts -> finops:CustomersV3\s+none/,
    );
  });

  it('shows an empty history with the config but no secret', async () => {
    await setUp([]);
    const result = await p2c(['history'], { env: {} });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("No runs yet. Start one with 'p2c run <template>'.\n");
  });
});

describe('errors', () => {
  it('exits 3 with the config message on stderr and nothing on stdout', async () => {
    writeFileSync(
      join(dir, 'p2c.config.yaml'),
      starterConfig().replace('https://contoso.crm.dynamics.com', 'http://contoso.crm.dynamics.com'),
    );
    const result = await p2c(['run', 'accounts']);
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr:
        "p2c: p2c.config.yaml: connections.sales.url: expected an https URL (e.g. https://contoso.crm.dynamics.com) (connector 'dataverse' of plugin '@p2c/sales')\n",
    });
  });

  it('suggests p2c init when there is no config file', async () => {
    const result = await p2c(['history']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Run 'p2c init'");
  });

  it('exits 3 on an unknown command or template', async () => {
    expect((await p2c(['frob'])).code).toBe(3);
    await setUp([]);
    const result = await p2c(['run', 'opportunities']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^p2c: No template 'opportunities'\. Installed: accounts \(Accounts \(Sales to Fin and Ops\)\), contacts \(.*invoices \(Sales Invoices \(Fin and Ops to Sales\)\)\n$/,
    );
  });
});
