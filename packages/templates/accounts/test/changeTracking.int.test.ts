import { describe, expect, it } from 'vitest';
import { anAccount } from './anAccount.js';
import { finopsWrites, harness } from './harness.js';

describe('incremental runs through Dataverse change tracking', () => {
  it('reads only the changes through the delta link, and writes only them', async () => {
    const accounts = Array.from({ length: 40 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });
    await h.run();
    h.emulator.sales.accounts.update(String(accounts[5]!.accountid), { name: 'Changed once' });
    h.emulator.resetRequestCounts();

    const run = await h.run();

    expect(run.counts).toMatchObject({ read: 1, updated: 1, created: 0 });
    expect(finopsWrites(h.emulator)).toBe(1);
    // One delta read (and nothing else) from Sales.
    expect(h.emulator.requestCounts().sales.reads).toBeLessThanOrEqual(2);
  });

  it('lists accounts deleted in Sales in the run history, and leaves their customers in F&O', async () => {
    const accounts = Array.from({ length: 5 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });
    await h.run();
    h.emulator.sales.accounts.remove(String(accounts[2]!.accountid));

    const run = await h.run();

    expect(run.counts.deleted).toBe(1);
    expect(await h.state.listDeletions(run.runId!, { limit: 10 })).toEqual([
      { taskId: 'Accounts - Account - Customers', sourceId: accounts[2]!.accountid, key: null },
    ]);
    expect(h.emulator.finops.customers.get('usmf', String(accounts[2]!.accountnumber))).toBeDefined();
  });

  it('says nothing of deletions when the task is set to ignore them', async () => {
    const accounts = Array.from({ length: 3 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });
    await h.run();
    h.emulator.sales.accounts.remove(String(accounts[0]!.accountid));

    const run = await h.run({ settings: { onDelete: 'ignore' } });

    expect(run.counts.deleted).toBe(0);
    expect(await h.state.listDeletions(run.runId!, { limit: 10 })).toEqual([]);
  });

  it('reads everything again, and says so, when Dataverse refuses an expired change-tracking token', async () => {
    const accounts = Array.from({ length: 10 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });
    await h.run();
    h.emulator.expireDeltaTokens();
    h.emulator.sales.accounts.update(String(accounts[1]!.accountid), { name: 'After expiry' });

    const run = await h.run();

    expect(run.notes.join('\n')).toMatch(/change-tracking token was refused .*reading every record again/);
    expect(run.counts).toMatchObject({ read: 10, updated: 1, unchanged: 9 });
    // The next run is incremental again.
    expect((await h.run()).counts.read).toBe(0);
  });

  it('falls back to a modifiedon watermark for a table without change tracking', async () => {
    const accounts = Array.from({ length: 10 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } }, { changeTracking: { accounts: false } });

    const first = await h.run();
    expect(first.notes.join('\n')).toContain('has no change tracking');
    h.emulator.sales.accounts.update(String(accounts[4]!.accountid), { name: 'Watermarked' });
    const second = await h.run();

    expect(second.counts.updated).toBe(1);
    expect(h.emulator.finops.customers.get('usmf', String(accounts[4]!.accountnumber))!.OrganizationName).toBe(
      'Watermarked',
    );
  });
});
