import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_TASK_ID } from '../src/index.js';
import { anAccount } from './anAccount.js';
import { harness } from './harness.js';

const TASK_KEY = `accounts/${ACCOUNTS_TASK_ID}`;
const withTerms = (map: Record<string, string>) => ({ valueMaps: { PaymentTerms: map } });

describe('records that failed are tried again', () => {
  it('at the next run, though unchanged in Sales, until they succeed', async () => {
    const good = anAccount().with({ paymenttermscode: 1 }).build();
    const failing = anAccount().with({ paymenttermscode: 4 }).build();
    const h = await harness({ sales: { accounts: [good, failing] } });

    const first = await h.run({ settings: withTerms({ 'Net 30': 'N30' }) });
    expect(first.counts).toMatchObject({ created: 1, failed: 1 });
    expect((await h.state.listPending(TASK_KEY, { limit: 10 })).map((p) => p.sourceId)).toEqual([failing.accountid]);

    // Nothing changed in Sales; the configuration now maps the value that was missing.
    const second = await h.run({ settings: withTerms({ 'Net 30': 'N30', 'Net 60': 'N60' }) });
    expect(second.counts).toMatchObject({ read: 1, created: 1, failed: 0 });
    expect(h.emulator.finops.customers.get('usmf', String(failing.accountnumber))!.PaymentTerms).toBe('N60');
    expect(await h.state.listPending(TASK_KEY, { limit: 10 })).toEqual([]);
  });

  it('counts the attempts, and stops trying a record once it is marked skipped', async () => {
    const failing = anAccount().in('Atlantis').build();
    const h = await harness({ sales: { accounts: [anAccount().build(), failing] } });
    await h.run();
    await h.run();
    const [pending] = await h.state.listPending(TASK_KEY, { limit: 10 });
    expect(pending).toMatchObject({
      sourceId: failing.accountid,
      attempts: 2,
      code: 'UNKNOWN_COUNTRY',
      skipped: false,
    });

    expect(await h.state.skipPending(TASK_KEY, [String(failing.accountid)])).toBe(1);
    const third = await h.run();
    expect(third.counts).toMatchObject({ read: 0, failed: 0 });
    expect(third.status).toBe('Completed');
  });

  it('retries only them when asked (p2c retry), reading nothing else from Sales', async () => {
    const failing = anAccount().in('Atlantis').build();
    const others = Array.from({ length: 20 }, () => anAccount().build());
    const h = await harness({ sales: { accounts: [...others, failing] } });
    await h.run();
    h.emulator.sales.accounts.update(String(others[0]!.accountid), { name: 'Changed, but not retried' });
    h.emulator.sales.accounts.update(String(failing.accountid), { address1_country: 'Norway' });

    const retry = await h.run({ pendingOnly: true });

    expect(retry.counts).toMatchObject({ read: 1, created: 1, failed: 0 });
    expect(h.emulator.finops.customers.get('usmf', String(failing.accountnumber))!.AddressCountryRegionISOCode).toBe(
      'NOR',
    );
    expect(h.emulator.finops.customers.get('usmf', String(others[0]!.accountnumber))!.OrganizationName).not.toBe(
      'Changed, but not retried',
    );
  });
});

describe('one run of a template at a time', () => {
  it('refuses to start while another process holds the run lock, and starts once it is released', async () => {
    const h = await harness({ sales: { accounts: [anAccount().build()] } });
    const other = { id: 'other-run', host: 'another-machine', pid: 4242 };
    await h.state.acquireLock('run:accounts', other, 60_000);

    await expect(h.run()).rejects.toThrow("A run of 'accounts' is already going (process 4242 on another-machine)");
    expect(await h.state.listRuns({ limit: 5 })).toHaveLength(0);

    await h.state.releaseLock('run:accounts', other.id);
    expect((await h.run()).status).toBe('Completed');
  });

  it('takes over the lock of a run whose process died on this machine, and marks that run interrupted', async () => {
    const h = await harness({ sales: { accounts: [anAccount().build()] } });
    const crashed = await h.state.startRun({ templateId: 'accounts', mode: 'full' });
    // A pid that no process has: the process that held the lock is gone.
    await h.state.acquireLock('run:accounts', { id: 'dead-run', host: hostname(), pid: 2 ** 22 + 7 }, 60_000);

    const run = await h.run();

    expect(run.status).toBe('Completed');
    expect(run.notes.join('\n')).toContain('its lock was taken over');
    expect((await h.state.getRun(crashed.id))!.status).toBe('Interrupted');
  });

  it('lets a dry run look while a run holds the lock', async () => {
    const h = await harness({ sales: { accounts: [anAccount().build()] } });
    await h.state.acquireLock('run:accounts', { id: 'other-run', host: 'another-machine', pid: 1 }, 60_000);
    expect((await h.run({ dryRun: true })).counts.created).toBe(1);
  });
});
