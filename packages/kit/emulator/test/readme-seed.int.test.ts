import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { DEFAULT_TRANSACTION_CURRENCIES, Emulator, parseEmulatorSeed } from '../src/index.js';
import { FIXED_NOW, SALES_ROOT, issueToken } from './support/session.js';

it('the seed example in the README is valid and loads as described', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Seed'));
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '';
  const emulator = new Emulator(parseEmulatorSeed(JSON.parse(json)), { now: () => FIXED_NOW });

  const accounts = emulator.sales.accounts.list();
  expect(accounts).toHaveLength(3);
  expect(accounts.find((row) => row.accountnumber === 'ACC-01001-QKZTRE')?._transactioncurrencyid_value).toBe(
    DEFAULT_TRANSACTION_CURRENCIES[1]?.transactioncurrencyid,
  );
  expect(accounts.find((row) => row.accountnumber === 'ACC-01000-BVRCPS')?.versionnumber).toBe(4711);
  expect(emulator.finops.customers.get('USMF', 'us-001')).toMatchObject({
    IsExternallyMaintained: 'No',
    dataAreaId: 'usmf',
  });

  const token = await issueToken(emulator);
  const response = await emulator.handle(
    new Request(`${SALES_ROOT}accounts?$select=createdon&$filter=accountnumber eq 'ACC-01000-BVRCPS'`, {
      headers: { Authorization: `Bearer ${token}`, Prefer: 'odata.include-annotations="*"' },
    }),
  );
  const body = (await response.json()) as { value: Record<string, unknown>[] };
  expect(body.value[0]?.['createdon@OData.Community.Display.V1.FormattedValue']).toBe('1/5/2026 9:00 AM');
});
