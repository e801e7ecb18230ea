import { describe, expect, it } from 'vitest';
import { Emulator } from '../src/index.js';
import { aCustomer, anAccount } from './support/builders.js';
import { startSession } from './support/session.js';

const ADMIN = 'https://p2c-demo.crm.dynamics.com/_emulator/';

function admin(emulator: Emulator, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init;
  return emulator.handle(
    new Request(`${ADMIN}${path}`, {
      ...rest,
      ...(json !== undefined ? { body: JSON.stringify(json), headers: { 'Content-Type': 'application/json' } } : {}),
    }),
  );
}

describe('admin API', () => {
  it('reports health without a token', async () => {
    const emulator = new Emulator({ sales: { accounts: [anAccount().build()] } });
    const response = await admin(emulator, 'health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      sales: { accounts: 1, transactioncurrencies: 5 },
      finops: { legalEntities: ['usmf'] },
    });
  });

  it('resets to a seed given in the body, and refuses an invalid one naming the field', async () => {
    const emulator = new Emulator({ sales: { accounts: [anAccount().build()] } });
    const reset = await admin(emulator, 'reset', {
      method: 'POST',
      json: { finops: { customers: [aCustomer('C-1').build()] } },
    });
    expect(reset.status).toBe(200);
    expect(emulator.sales.accounts.list()).toEqual([]);
    expect(emulator.finops.customers.list()).toHaveLength(1);

    const invalid = await admin(emulator, 'reset', { method: 'POST', json: { sales: { accounts: [{ name: 7 }] } } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      problems: ['sales.accounts[0].name: expected string, received number'],
    });
    expect(emulator.finops.customers.list()).toHaveLength(1);
  });

  it('adds rows from a seed and refuses rows that collide', async () => {
    const emulator = new Emulator({
      finops: { legalEntities: ['usmf', 'usrt'], customers: [aCustomer('C-1').build()] },
    });
    const added = await admin(emulator, 'seed', {
      method: 'POST',
      json: {
        sales: { accounts: [anAccount().numbered('ACC-7').inCurrency('NOK').build()] },
        finops: { customers: [aCustomer('C-2').inCompany('usrt').build()] },
      },
    });
    expect(added.status).toBe(200);
    expect(emulator.finops.customers.list().map((row) => row.CustomerAccount)).toEqual(['C-1', 'C-2']);
    expect(emulator.sales.accounts.list()).toHaveLength(1);

    const clash = await admin(emulator, 'seed', {
      method: 'POST',
      json: { finops: { customers: [aCustomer('c-1').build()] } },
    });
    expect(clash.status).toBe(409);
    expect(emulator.finops.customers.list()).toHaveLength(2);
  });

  it('changes an account as a user would: new version and modifiedon', async () => {
    const { emulator, clock } = await startSession({ sales: { accounts: [anAccount().numbered('ACC-1').build()] } });
    const [before] = emulator.sales.accounts.list();
    clock.advance(3600);
    const response = await admin(emulator, `sales/accounts/${before?.accountid ?? ''}`, {
      method: 'PATCH',
      json: { address1_city: 'Redmond' },
    });
    expect(response.status).toBe(200);
    const after = (await response.json()) as Record<string, unknown>;
    expect(after).toMatchObject({ address1_city: 'Redmond', modifiedon: '2026-03-01T13:00:00Z' });
    expect(after['versionnumber']).toBeGreaterThan(before?.versionnumber ?? Infinity);

    const invalid = await admin(emulator, `sales/accounts/${before?.accountid ?? ''}`, {
      method: 'PATCH',
      json: { accountnumber: 'X'.repeat(30) },
    });
    expect(invalid.status).toBe(400);
    const missing = await admin(emulator, 'sales/accounts/00000000-0000-0000-0000-000000000000', {
      method: 'PATCH',
      json: { name: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  it('lists rows and request counts, and clears the counts', async () => {
    const { emulator } = await startSession({
      sales: { accounts: [anAccount().build()] },
      finops: { customers: [aCustomer('C').build()] },
    });
    expect(await (await admin(emulator, 'sales/accounts')).json()).toHaveLength(1);
    expect(await (await admin(emulator, 'finops/customers')).json()).toEqual([
      expect.objectContaining({ CustomerAccount: 'C' }),
    ]);
    expect(await (await admin(emulator, 'requests')).json()).toMatchObject({ auth: { total: 1 } });
    expect((await admin(emulator, 'requests', { method: 'DELETE' })).status).toBe(204);
    expect(await (await admin(emulator, 'requests')).json()).toMatchObject({ auth: { total: 0 } });
  });

  it('has no CA certificate when not served over HTTPS', async () => {
    expect((await admin(new Emulator(), 'ca.pem')).status).toBe(404);
  });
});
