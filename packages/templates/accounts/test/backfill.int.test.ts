import { backfillKeys } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { accountsTemplate } from '../src/index.js';
import { anAccount } from './anAccount.js';
import { harness } from './harness.js';

describe('account-numbers backfill (the upgrade script)', () => {
  it('numbers every account without one, reports what it changed, and changes nothing when re-run', async () => {
    const kept = anAccount().withNumber('CUST-0001').build();
    const without = Array.from({ length: 7 }, () => anAccount().withoutNumber().build());
    const h = await harness({ sales: { accounts: [kept, ...without] } });
    const backfill = (dryRun: boolean) =>
      backfillKeys({ template: accountsTemplate, state: h.state, connectors: h.connectors, dryRun, batchSize: 3 });

    const dry = await backfill(true);
    expect(dry).toMatchObject({ scanned: 8, assignedCount: 7, assigned: [] });
    expect(h.emulator.sales.accounts.list().filter((a) => !a.accountnumber)).toHaveLength(7);

    const result = await backfill(false);
    expect(result).toMatchObject({ scanned: 8, assignedCount: 7, failures: [] });
    const numbers = h.emulator.sales.accounts.list().map((a) => a.accountnumber);
    expect(numbers).toContain('CUST-0001');
    const generated = numbers.filter((n) => n !== 'CUST-0001');
    expect(new Set(generated).size).toBe(7);
    for (const number of generated) expect(number).toMatch(/^ACC-010\d\d-[A-Z]{6}$/);
    expect(result.assigned.map((a) => a.key).sort()).toEqual([...generated].sort());

    const again = await backfill(false);
    expect(again).toMatchObject({ scanned: 8, assignedCount: 0, assigned: [] });
    expect(h.emulator.sales.accounts.list().map((a) => a.accountnumber)).toEqual(numbers);
  });

  it('continues the same sequence the sync uses, so no number is handed out twice', async () => {
    const h = await harness({ sales: { accounts: [anAccount().withoutNumber().build()] } });
    await h.run();
    h.emulator.sales.accounts.insert(anAccount().withoutNumber().build());

    await backfillKeys({ template: accountsTemplate, state: h.state, connectors: h.connectors, dryRun: false });

    const numbers = h.emulator.sales.accounts
      .list()
      .map((a) => String(a.accountnumber))
      .sort();
    expect(numbers.map((n) => n.slice(0, 9))).toEqual(['ACC-01000', 'ACC-01001']);
  });
});
