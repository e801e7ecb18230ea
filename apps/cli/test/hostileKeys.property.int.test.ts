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

/**
 * Arbitrary Unicode account numbers and names, synced through the CLI against the HTTPS
 * emulator: every record either reaches F&O exactly once under the key Sales holds after the run
 * (p2c gives blank ones a number), or fails alone with its reason; the counts say which.
 */
describe('arbitrary account numbers and names (property)', () => {
  it('each record reaches F&O once under its own key, or fails alone with a reason', async () => {
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
          } finally {
            await server?.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { seed: 20_261_203, numRuns: 12 },
    );
  });
});
