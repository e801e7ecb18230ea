import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRecord } from '@p2c/core';
import { startEmulatorServer, type EmulatorServer } from '@p2c/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/demo/SeededRandom.js';
import { p2cCommand, runP2c } from './support/spawnP2c.js';

/**
 * Kill `p2c run` with SIGKILL at seeded random points against the standalone (HTTPS) emulator,
 * run it again, and check that F&O holds exactly one customer per Sales account, with its
 * latest values, and that no account number was handed out twice.
 */
const ACCOUNTS = 2_000;
const KILLS_WANTED = 20;
/** Kills in a row before a run is let finish and F&O is checked. */
const KILLS_PER_ROUND = 3;
const MAX_ROUNDS = 12;

// Seeded, so a failing round can be replayed.
const random = new SeededRandom(20261125);
const pick = (n: number) => Math.floor(random.next() * n);

function account(index: number, numbered: boolean) {
  return {
    name: `Crash Test ${index}`,
    ...(numbered ? { accountnumber: `CRT-${String(index).padStart(6, '0')}` } : {}),
    address1_city: `City ${index % 97}`,
    address1_country: ['United States', 'germany', 'DK', 'NLD', ''][index % 5],
    emailaddress1: `crash${index}@example.com`,
  };
}

let dir: string;
/** Undefined when beforeAll failed before starting it. */
let server: EmulatorServer | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-crash-'));
  server = await startEmulatorServer({
    seed: {
      sales: { accounts: Array.from({ length: ACCOUNTS }, (_, i) => account(i, i % 10 !== 0)) },
      finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
    },
  });
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('P2C_')));
  const init = await runP2c(['init', '--emulator', server.url], { cwd: dir, env: clean });
  expect(init.code).toBe(0);
  env = {
    ...clean,
    ...Object.fromEntries([...init.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1]!, m[2]!])),
  };
  // Small pages and batches: many commits, so many places for a crash to land.
  const configFile = join(dir, 'p2c.config.yaml');
  const config = readFileSync(configFile, 'utf8')
    .replace(/pageSize: \d+/, 'pageSize: 150')
    .replace(/batchSize: \d+/, 'batchSize: 40');
  writeFileSync(configFile, config);
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts `p2c run accounts` and SIGKILLs it once the emulators have seen `after` more requests
 * (a kill lands between any two requests: before a write-back, inside a write, before a commit).
 */
async function runAndKill(after: number): Promise<'killed' | 'finished'> {
  const [command, argv] = p2cCommand(['run', 'accounts', '--json']);
  const startCount = totalRequests();
  const child = spawn(command, argv, { cwd: dir, env, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return 'finished';
    if (totalRequests() - startCount >= after) {
      child.kill('SIGKILL');
      await exited;
      return 'killed';
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function totalRequests(): number {
  const counts = server!.emulator.requestCounts();
  return counts.sales.total + counts.finops.total;
}

/** What the user changes in Sales between runs: renames, and new accounts without a number. */
function changeSales(round: number): void {
  const accounts = server!.emulator.sales.accounts.list();
  for (let i = 0; i < 15; i += 1) {
    const target = accounts[pick(accounts.length)]!;
    server!.emulator.sales.accounts.update(target.accountid, {
      name: `Renamed ${round}-${i}`,
      address1_city: `Moved ${round}`,
    });
  }
  for (let i = 0; i < 5; i += 1) {
    server!.emulator.sales.accounts.insert({ ...account(100_000 + round * 10 + i, false) });
  }
}

function expectFinOpsMirrorsSales(): void {
  const accounts = server!.emulator.sales.accounts.list();
  const numbers = accounts.map((a) => a.accountnumber);
  expect(numbers.every((n) => typeof n === 'string' && n !== '')).toBe(true);
  // No number handed out twice.
  expect(new Set(numbers.map((n) => n!.toUpperCase())).size).toBe(accounts.length);

  const customers = server!.emulator.finops.customers.list();
  // Exactly once: one customer per account, no more.
  expect(customers).toHaveLength(accounts.length);
  const byNumber = new Map(customers.map((c) => [c.CustomerAccount.toUpperCase(), c]));
  for (const account of accounts) {
    const customer = byNumber.get(account.accountnumber!.toUpperCase());
    expect(customer, `customer for ${account.accountnumber}`).toBeDefined();
    // With its latest values.
    expect(customer!.OrganizationName).toBe(account.name);
    expect(customer!.DeliveryAddressCity).toBe(account.address1_city ?? '');
    expect(customer!.PrimaryContactEmail).toBe(account.emailaddress1 ?? '');
  }
}

describe('crash safety: SIGKILL at random points, then run again', () => {
  it(`ends with every account in F&O exactly once after ${KILLS_WANTED} kills`, async () => {
    let kills = 0;
    let interruptionsNoted = 0;
    for (let round = 0; kills < KILLS_WANTED && round < MAX_ROUNDS; round += 1) {
      if (round > 0) changeSales(round);
      for (let attempt = 0; attempt < KILLS_PER_ROUND; attempt += 1) {
        // The first round has thousands of records to write; later ones only the changes.
        const outcome = await runAndKill(1 + pick(round === 0 ? 150 : 5));
        if (outcome === 'killed') kills += 1;
      }

      const rerun = await runP2c(['run', 'accounts', '--json'], { cwd: dir, env });
      expect(rerun.stderr).not.toContain('already going');
      expect(rerun.code, `round ${round}: ${rerun.stdout}${rerun.stderr}`).toBe(0);
      const summary = JSON.parse(rerun.stdout) as { notes: string[] };
      if (summary.notes.some((note) => note.includes('interrupted'))) interruptionsNoted += 1;
      expectFinOpsMirrorsSales();
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS_WANTED);

    // The history tells the interrupted runs apart (a kill that lands after a run finished,
    // while its process exits, interrupts nothing).
    const history = await runP2c(['history', '--json', '--limit', '200'], { cwd: dir, env });
    const runs = JSON.parse(history.stdout) as RunRecord[];
    const interrupted = runs.filter((run) => run.status === 'Interrupted').length;
    expect(interrupted).toBeGreaterThanOrEqual(interruptionsNoted);
    expect(interrupted).toBeGreaterThanOrEqual(KILLS_WANTED / 2);
  }, 600_000);
});
