import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import type { DataverseAccount, EmulatorServer, FinOpsCustomer } from '@p2c/emulator';
import { accountsPlugin } from '@p2c/template-accounts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';
import { getJson } from './support/httpsJson.js';

/** Any text up to 20 UTF-16 units (Dataverse's `accountnumber` length): every plane, controls included. */
const anyAccountNumber = fc.string({ unit: 'binary', minLength: 1, maxLength: 10 });
const anyName = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
/** Characters a terminal acts on (C0 but tab and line break, DEL, C1, bidi overrides). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * F&O's CustomerAccount holds 20 characters (UTF-16 units, as SQL Server's nvarchar counts them):
 * a longer number is refused, for that record alone.
 */
const MAX_ACCOUNT = 20;

/** Any well-formed Unicode text: CJK, emoji, zero-width, control characters, NUL. */
const text = (maxLength: number) =>
  fc
    .string({ unit: 'binary', minLength: 1, maxLength })
    .filter((value) => !/\p{Cs}/u.test(value) && value.trim() === value);

/**
 * Arbitrary Unicode account numbers and names, synced through the CLI against the HTTPS
 * emulator: every record either reaches F&O exactly once under the key Sales holds after the run
 * (p2c gives blank ones a number), or fails alone with its reason; the counts say which.
 */
describe('arbitrary account numbers and names (property)', () => {
  it('with blank, untrimmed and shared numbers: each record reaches F&O once under the key Sales holds, or fails alone, and no control character reaches the terminal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ accountnumber: anyAccountNumber, name: anyName }), { minLength: 1, maxLength: 25 }),
        async (accounts) => {
          const dir = mkdtempSync(join(tmpdir(), 'p2c-hostile-property-'));
          let server: EmulatorServer | undefined;
          try {
            const seed = {
              sales: { accounts: accounts.map((a) => ({ ...a, address1_country: 'United States' })) },
              finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
            };
            server = await emulatorProject(dir, seed, '');
            const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
            await runCli(['run', 'accounts', '--json'], capture.environment, { plugins: [accountsPlugin] });
            const summary = JSON.parse(capture.stdout()) as RunSummary;
            const sales = await getJson<DataverseAccount[]>(`${server.url}/_emulator/sales/accounts`, server.caPem);
            const finops = await getJson<FinOpsCustomer[]>(`${server.url}/_emulator/finops/customers`, server.caPem);

            const failedIds = new Set(summary.failures.map((f) => f.sourceId));
            // A record fails only for its own sake: the one reason these records can have is a
            // key another record also holds (as F&O compares keys: trimmed, without case).
            const normalised = (key: string) => key.trim().toUpperCase();
            const holders = new Map<string, number>();
            for (const a of accounts)
              holders.set(normalised(a.accountnumber), (holders.get(normalised(a.accountnumber)) ?? 0) + 1);
            const seeded = new Map(sales.map((a) => [a.accountid, a]));
            for (const failure of summary.failures) {
              expect(failure.message).not.toBe('');
              const own = seeded.get(failure.sourceId)?.accountnumber ?? '';
              expect({ key: own, code: failure.code, shared: (holders.get(normalised(own)) ?? 0) > 1 }).toMatchObject({
                shared: true,
              });
            }
            const written = sales.filter((a) => !failedIds.has(a.accountid)).map((a) => a.accountnumber);
            // Exactly once each, under the key Sales holds: nothing lost, nothing doubled.
            expect(finops.map((c) => c.CustomerAccount).sort()).toEqual([...written].sort());
            expect(summary.counts.created).toBe(written.length);
            expect(summary.counts.failed).toBe(summary.failures.length);
            expect(summary.counts.created + summary.counts.failed).toBe(accounts.length);

            // What a person reads of the same run: every value from Sales made printable.
            const human = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
            await runCli(['history', String(summary.runId)], human.environment, { plugins: [accountsPlugin] });
            expect(human.stdout() + human.stderr()).not.toMatch(TERMINAL_CONTROLS);
          } finally {
            await server?.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { seed: 20_261_203, numRuns: 12 },
    );
  });

  it('with unique numbers up to 24 characters: each is created in F&O exactly once with its own name, or fails alone for its length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text(24), text(30)), { minLength: 1, maxLength: 12 }), async (pairs) => {
        // A prefix keeps the numbers unique however F&O compares case.
        const accounts = pairs.map(([number, name], i) => ({
          name,
          accountnumber: `${String(i).padStart(2, '0')}${number}`,
          address1_country: 'USA',
        }));
        const dir = mkdtempSync(join(tmpdir(), 'p2c-property-'));
        const server = await emulatorProject(dir, {
          sales: { accounts },
          finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
        });
        try {
          const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
          await runCli(['run', 'accounts', '--json'], capture.environment);
          const summary = JSON.parse(capture.stdout()) as RunSummary;
          const written = new Map(server.emulator.finops.customers.list().map((c) => [c.CustomerAccount, c]));
          const creates = server.emulator.writeLog().filter((entry) => entry.service === 'finops');
          for (const account of accounts) {
            const failure = summary.failures.find((f) => f.key === account.accountnumber);
            if (account.accountnumber.length <= MAX_ACCOUNT) {
              expect(failure).toBeUndefined();
              expect(written.get(account.accountnumber)?.OrganizationName).toBe(account.name);
              expect(creates.filter((entry) => entry.key === `usmf,${account.accountnumber}`)).toMatchObject([
                { create: 1 },
              ]);
            } else {
              expect(written.has(account.accountnumber)).toBe(false);
              expect(failure?.message).toMatch(/CustomerAccount|length|long/i);
            }
          }
          expect(summary.counts.failed).toBe(summary.failures.length);
        } finally {
          await server.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { seed: 1111, numRuns: 8, endOnFailure: true },
    );
  }, 60_000);
});
