import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@p2c/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

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

describe('arbitrary Unicode account numbers and names (property)', () => {
  it('every record reaches F&O exactly once under its own key, or fails alone with its reason', async () => {
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
