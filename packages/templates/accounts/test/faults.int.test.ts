import { describe, expect, it } from 'vitest';
import { anAccount } from './anAccount.js';
import { harness } from './harness.js';

const quickRetries = { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 20 };

describe('faults and throttling', () => {
  it('retries a change set F&O rejects as a whole record by record, so its records are still written', async () => {
    const accounts = Array.from({ length: 12 }, () => anAccount().build());
    const h = await harness(
      { sales: { accounts } },
      {
        faults: {
          script: [{ match: { service: 'finops', path: '$batch' }, fault: { changesetFailure: { status: 400 } } }],
        },
      },
    );

    const run = await h.run({ settings: { changesetSize: 4 } });

    expect(run.status).toBe('Completed');
    expect(run.counts.created).toBe(12);
    expect(h.emulator.requestCounts().finops.faults?.changesetFailure).toBe(1);
    expect(h.emulator.finops.customers.list()).toHaveLength(12);
  });

  it('writes the records of a change set the service failed with a 500 (rolled back, so safe to send again)', async () => {
    const accounts = Array.from({ length: 9 }, () => anAccount().build());
    const h = await harness(
      { sales: { accounts } },
      {
        faults: {
          script: [
            {
              match: { service: 'finops', path: '$batch' },
              fault: { changesetFailure: { status: 500, changeset: 1 } },
            },
          ],
        },
      },
    );

    const run = await h.run({ settings: { changesetSize: 3 } });

    expect(run.status).toBe('Completed');
    expect(h.emulator.finops.customers.list()).toHaveLength(9);
  });

  it('fails only the record F&O refuses, never its change-set mates', async () => {
    const accounts = Array.from({ length: 8 }, (_, i) =>
      anAccount()
        .with({ paymenttermscode: i === 3 ? 4 : 1 })
        .build(),
    );
    const h = await harness({ sales: { accounts }, finops: { paymentTerms: ['N30'] } });

    const run = await h.run({
      settings: { changesetSize: 8, valueMaps: { PaymentTerms: { 'Net 30': 'N30', 'Net 60': 'N60' } } },
    });

    expect(run.counts).toMatchObject({ created: 7, failed: 1 });
    expect(run.failures[0]).toMatchObject({ sourceId: accounts[3]!.accountid, code: 'DESTINATION_REJECTED' });
    expect(run.failures[0]!.message).toContain("'N60'");
  });

  it('rides out 503s and dropped connections with retries', async () => {
    const accounts = Array.from({ length: 60 }, () => anAccount().build());
    const h = await harness(
      { sales: { accounts } },
      { faults: { seed: 7, rates: { status503: 0.25 } }, retry: quickRetries },
    );

    const run = await h.run({ settings: { batchSize: 10 } });

    expect(run.status).toBe('Completed');
    expect(h.emulator.finops.customers.list()).toHaveLength(60);
    const faults = h.emulator.requestCounts();
    expect((faults.finops.faults?.status503 ?? 0) + (faults.sales.faults?.status503 ?? 0)).toBeGreaterThan(0);
  });

  it('creates nothing twice when a write was applied but its answer was lost (500 after the write)', async () => {
    const accounts = Array.from({ length: 10 }, () => anAccount().build());
    const h = await harness(
      { sales: { accounts } },
      {
        faults: { script: [{ match: { service: 'finops', method: 'POST', path: '$batch' }, fault: '500-after' }] },
        retry: quickRetries,
      },
    );

    const first = await h.run();
    // The fate of that batch is unknown: it is sent again in parts, and each create meets the row
    // the lost request made and becomes an update. Nothing fails, nothing is made twice.
    expect(first.counts).toMatchObject({ failed: 0, created: 0, updated: 10 });
    expect(h.emulator.finops.customers.list()).toHaveLength(10);

    const second = await h.run();
    expect(second.status).toBe('Completed');
    expect(second.counts.failed).toBe(0);
    expect(h.emulator.finops.customers.list()).toHaveLength(10);
  });

  it('obeys 429 throttling with Retry-After and still writes everything', async () => {
    const accounts = Array.from({ length: 40 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } }, { limits: { finops: { maxConcurrent: 1 } }, retry: quickRetries });

    const run = await h.run({ settings: { batchSize: 5, writeConcurrency: 4 } });

    expect(run.status).toBe('Completed');
    expect(h.emulator.finops.customers.list()).toHaveLength(40);
    expect(h.emulator.requestCounts().finops.throttled).toBeGreaterThan(0);
  }, 30_000);
});
