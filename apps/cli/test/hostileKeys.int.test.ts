import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import type { EmulatorServer, FinOpsCustomer } from '@p2c/emulator';
import { accountsPlugin } from '@p2c/template-accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';
import { getJson } from './support/httpsJson.js';

/**
 * Account numbers a careless or hostile Sales user can type: outside Latin-1, invisible, or
 * control characters. Each must reach F&O under its own key or fail alone; none may take the
 * other records of its `$batch` down with it.
 */
const HOSTILE_NUMBERS = [
  'ACC-数据-01', // CJK
  'ACC-🚀-02', // outside the Basic Multilingual Plane
  'ACC-\u200b-03', // zero-width space
  'ACC-\n-04', // a line break
  'ACC-\u0000-05', // NUL
  "ACC-O'Brien-06", // a quote, doubled in a key literal
  'ACC-50%-07', // a percent sign, encoded in a URL
];

let dir: string;
let server: EmulatorServer | undefined;

function seedWith(numbers: readonly string[]) {
  const accounts = numbers.map((accountnumber, index) => ({
    name: `Account ${index + 1}`,
    accountnumber,
    address1_country: 'United States',
  }));
  return { sales: { accounts }, finops: { legalEntities: ['usmf'], customerGroups: ['10'] } };
}

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment, { plugins: [accountsPlugin] });
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

const customers = () => getJson<FinOpsCustomer[]>(`${server!.url}/_emulator/finops/customers`, server!.caPem);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-hostile-keys-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile account numbers', () => {
  it('writes every good account and each hostile one under its own key, once, with counts that match F&O', async () => {
    const good = Array.from({ length: 38 }, (_, i) => `ACC-${String(i).padStart(5, '0')}-GOOD`);
    // The hostile numbers mixed in among the good ones, so each batch holds some of both.
    const numbers = good.flatMap((number, i) =>
      i % 6 === 0 && HOSTILE_NUMBERS[i / 6] ? [HOSTILE_NUMBERS[i / 6]!, number] : [number],
    );
    server = await emulatorProject(dir, seedWith(numbers), '');

    const first = await p2c(['run', 'accounts', '--json']);
    const summary = JSON.parse(first.stdout) as RunSummary;
    const inFinOps = (await customers()).map((c) => c.CustomerAccount);
    // Exactly once each, under the key Sales holds.
    expect(new Set(inFinOps).size).toBe(inFinOps.length);
    expect([...inFinOps].sort()).toEqual([...numbers].sort());
    expect(summary.counts).toMatchObject({ read: numbers.length, created: numbers.length, failed: 0 });
    expect(first.code).toBe(0);

    // The next run finds nothing to do: nothing was left half-written or counted twice.
    const second = JSON.parse((await p2c(['run', 'accounts', '--json', '--full'])).stdout) as RunSummary;
    expect(second.counts).toMatchObject({ created: 0, failed: 0, unchanged: numbers.length });
    expect((await customers()).length).toBe(numbers.length);
  });

  it('splits a $batch that fails as a whole because of one record, so only that record fails', async () => {
    const numbers = Array.from({ length: 40 }, (_, i) => (i === 17 ? 'ACC-POISON-17' : `ACC-${i}-GOOD`));
    // Every request that carries this record is answered 500 before anything is applied, as
    // a record that breaks the service's handling of its whole request would be.
    const faults = {
      script: [
        { match: { service: 'finops' as const, bodyContains: 'ACC-POISON-17' }, fault: '500' as const, times: 1000 },
      ],
    };
    server = await emulatorProject(dir, seedWith(numbers), '', { faults });

    const result = await p2c(['run', 'accounts', '--json']);
    const summary = JSON.parse(result.stdout) as RunSummary;
    expect(summary.counts).toMatchObject({ read: 40, created: 39, failed: 1 });
    expect(summary.failures.map((f) => [f.key, f.code])).toEqual([['ACC-POISON-17', 'HTTP_500']]);
    expect(summary.failures[0]?.message).toBe('The write did not complete: An unexpected error occurred.');
    const inFinOps = (await customers()).map((c) => c.CustomerAccount).sort();
    expect(inFinOps).toEqual(numbers.filter((n) => n !== 'ACC-POISON-17').sort());
  });

  it.each(['500-after', 'reset-after'] as const)(
    'finds the records a $batch wrote before its answer was lost (%s), and writes none of them twice',
    async (lost) => {
      const numbers = Array.from({ length: 30 }, (_, i) => `ACC-${i}-LOST`);
      // The first F&O $batch is applied, then its answer is lost: the client cannot know what it did.
      const faults = { script: [{ match: { service: 'finops' as const, path: '$batch' }, fault: lost }] };
      server = await emulatorProject(dir, seedWith(numbers), '', { faults });

      const summary = JSON.parse((await p2c(['run', 'accounts', '--json'])).stdout) as RunSummary;
      expect(summary.counts).toMatchObject({ read: 30, failed: 0 });
      // Sent again, each create meets the row the lost request made and becomes an update.
      expect(summary.counts.created + summary.counts.updated).toBe(30);
      const inFinOps = (await customers()).map((c) => c.CustomerAccount);
      expect(inFinOps.sort()).toEqual([...numbers].sort());

      const again = JSON.parse((await p2c(['run', 'accounts', '--json', '--full'])).stdout) as RunSummary;
      expect(again.counts).toMatchObject({ created: 0, failed: 0, unchanged: 30 });
    },
  );
});
