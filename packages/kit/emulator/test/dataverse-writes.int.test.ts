import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSACTION_CURRENCIES } from '../src/index.js';
import { anAccount } from './support/builders.js';
import { SALES_ROOT, startSession } from './support/session.js';

const id = '0b5f3c2e-1a4d-4e8f-9a6b-7c8d9e0f1a2b';
const GBP = DEFAULT_TRANSACTION_CURRENCIES[2]?.transactioncurrencyid;

async function etagOf(response: Response): Promise<string> {
  return ((await response.json()) as Record<string, string>)['@odata.etag'] ?? '';
}

describe('Dataverse creates', () => {
  it('POST answers 204 with OData-EntityId, or 201 with the row when asked', async () => {
    const { sales, emulator } = await startSession();
    const plain = await sales('accounts', { method: 'POST', json: { name: 'Plain', accountnumber: 'ACC-1' } });
    expect(plain.status).toBe(204);
    const entityId = plain.headers.get('odata-entityid') ?? '';
    expect(entityId).toMatch(new RegExp(`^${SALES_ROOT.replace(/\./g, '\\.')}accounts\\([0-9a-f-]{36}\\)$`));

    const represented = await sales('accounts?$select=name,_transactioncurrencyid_value', {
      method: 'POST',
      headers: { Prefer: 'return=representation' },
      json: { name: 'Shown', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${GBP})` },
    });
    expect(represented.status).toBe(201);
    expect(represented.headers.get('odata-entityid')).toMatch(/accounts\(/);
    expect(await represented.json()).toMatchObject({ name: 'Shown', _transactioncurrencyid_value: GBP });
    expect(emulator.sales.accounts.list().map((row) => row.name)).toEqual(['Plain', 'Shown']);
  });

  it('gives a new row the base currency, timestamps from the clock and a version', async () => {
    const { sales, emulator } = await startSession();
    await sales('accounts', { method: 'POST', json: { accountid: id, name: 'Dated' } });
    expect(emulator.sales.accounts.get(id)).toMatchObject({
      _transactioncurrencyid_value: DEFAULT_TRANSACTION_CURRENCIES[0]?.transactioncurrencyid,
      createdon: '2026-03-01T12:00:00Z',
      modifiedon: '2026-03-01T12:00:00Z',
      versionnumber: expect.any(Number),
      statecode: 0,
      creditonhold: false,
    });
  });

  it('refuses a second account with the same account number (active alternate key)', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().numbered('ACC-1').build()] } });
    const response = await sales('accounts', { method: 'POST', json: { name: 'Twin', accountnumber: 'acc-1' } });
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchObject({ error: { code: '0x80060892' } });
  });
});

describe('Dataverse validation', () => {
  it('refuses a value longer than the column with the exact Dataverse body', async () => {
    const { sales } = await startSession();
    const response = await sales('accounts', { method: 'POST', json: { name: 'Long', accountnumber: 'X'.repeat(21) } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: '0x80044331',
        message:
          "A validation error occurred. The length of the 'accountnumber' attribute of the 'account' entity exceeded the maximum allowed length of '20'.",
      },
    });
  });

  it('checks the documented maximum lengths', async () => {
    const { sales } = await startSession();
    const limits: Record<string, number> = {
      name: 160,
      address1_line1: 250,
      address1_city: 80,
      address1_stateorprovince: 50,
      address1_postalcode: 20,
      address1_country: 80,
      address2_city: 80,
      telephone1: 50,
      emailaddress1: 100,
      websiteurl: 200,
      description: 2000,
    };
    for (const [column, max] of Object.entries(limits)) {
      const ok = await sales('accounts', { method: 'POST', json: { name: 'N', [column]: 'x'.repeat(max) } });
      expect(ok.status, column).toBe(204);
      const tooLong = await sales('accounts', { method: 'POST', json: { name: 'N', [column]: 'x'.repeat(max + 1) } });
      expect(tooLong.status, column).toBe(400);
      expect(((await tooLong.json()) as { error: { message: string } }).error.message).toContain(`'${column}'`);
    }
  });

  it('requires a name', async () => {
    const { sales } = await startSession();
    const response = await sales('accounts', { method: 'POST', json: { accountnumber: 'ACC-9' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: '0x80044331', message: expect.stringContaining("'name'") },
    });
  });

  it('names an unknown column and refuses option values outside the set', async () => {
    const { sales } = await startSession();
    const unknown = await sales('accounts', { method: 'POST', json: { name: 'N', acountnumber: 'x' } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      "The property 'acountnumber' does not exist on type 'Microsoft.Dynamics.CRM.account'.",
    );
    const option = await sales('accounts', { method: 'POST', json: { name: 'N', paymenttermscode: 9 } });
    expect(await option.json()).toEqual({
      error: {
        code: '0x8004431a',
        message:
          "A validation error occurred. The value 9 of 'paymenttermscode' on record of type 'account' is outside the valid range. Accepted Values: 1,2,3,4",
      },
    });
  });

  it('binds the currency only through transactioncurrencyid@odata.bind', async () => {
    const { sales } = await startSession();
    const direct = await sales('accounts', { method: 'POST', json: { name: 'N', _transactioncurrencyid_value: GBP } });
    expect(direct.status).toBe(400);
    const missing = await sales('accounts', {
      method: 'POST',
      json: {
        name: 'N',
        'transactioncurrencyid@odata.bind': '/transactioncurrencies(00000000-0000-0000-0000-000000000000)',
      },
    });
    expect(missing.status).toBe(404);
  });
});

describe('Dataverse upsert, concurrency and delete', () => {
  it('PATCH by id creates a missing row and updates an existing one (204 both times)', async () => {
    const { sales, emulator, clock } = await startSession();
    const created = await sales(`accounts(${id})`, { method: 'PATCH', json: { name: 'First' } });
    expect(created.status).toBe(204);
    expect(created.headers.get('odata-entityid')).toBe(`${SALES_ROOT}accounts(${id})`);
    const before = emulator.sales.accounts.get(id);
    clock.advance(60);
    const updated = await sales(`accounts(${id})`, { method: 'PATCH', json: { telephone1: '555-0100' } });
    expect(updated.status).toBe(204);
    const after = emulator.sales.accounts.get(id);
    expect(after).toMatchObject({ name: 'First', telephone1: '555-0100', modifiedon: '2026-03-01T12:01:00Z' });
    expect(after?.versionnumber).toBeGreaterThan(before?.versionnumber ?? Infinity);
  });

  it('PATCH by alternate key creates the row with that account number', async () => {
    const { sales, emulator } = await startSession();
    const response = await sales(`accounts(accountnumber='ACC-''Q''')`, { method: 'PATCH', json: { name: 'Keyed' } });
    expect(response.status).toBe(204);
    expect(emulator.sales.accounts.list()).toEqual([
      expect.objectContaining({ name: 'Keyed', accountnumber: "ACC-'Q'" }),
    ]);
  });

  it('If-Match: * updates only (404 when missing)', async () => {
    const { sales, emulator } = await startSession();
    const response = await sales(`accounts(${id})`, {
      method: 'PATCH',
      headers: { 'If-Match': '*' },
      json: { name: 'X' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: '0x80040217', message: `account With Id = ${id} Does Not Exist` },
    });
    expect(emulator.sales.accounts.list()).toEqual([]);
  });

  it('If-None-Match: * creates only (412 when present)', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().withId(id).build()] } });
    const response = await sales(`accounts(${id})`, {
      method: 'PATCH',
      headers: { 'If-None-Match': '*' },
      json: { name: 'X' },
    });
    expect(response.status).toBe(412);
    expect(await response.json()).toEqual({
      error: { code: '0x80040237', message: 'A record with matching key values already exists.' },
    });
  });

  it('If-Match with the row etag fails with 412 once the row changed', async () => {
    const { sales, emulator } = await startSession({ sales: { accounts: [anAccount().withId(id).build()] } });
    const etag = await etagOf(await sales(`accounts(${id})?$select=name`));
    const fresh = await sales(`accounts(${id})`, {
      method: 'PATCH',
      headers: { 'If-Match': etag },
      json: { name: 'Mine' },
    });
    expect(fresh.status).toBe(204);
    emulator.sales.accounts.update(id, { name: 'Someone else' });
    const stale = await sales(`accounts(${id})`, {
      method: 'PATCH',
      headers: { 'If-Match': etag },
      json: { name: 'Mine again' },
    });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toEqual({
      error: {
        code: '0x80060882',
        message: "The version of the existing record doesn't match the RowVersion property provided.",
      },
    });
  });

  it('returns the row with return=representation on PATCH', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().withId(id).build()] } });
    const response = await sales(`accounts(${id})?$select=name`, {
      method: 'PATCH',
      headers: { Prefer: 'return=representation' },
      json: { name: 'Shown' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Shown', accountid: id });
  });

  it('DELETE removes a row; a second DELETE answers 404', async () => {
    const { sales, emulator } = await startSession({ sales: { accounts: [anAccount().withId(id).build()] } });
    expect((await sales(`accounts(${id})`, { method: 'DELETE' })).status).toBe(204);
    expect(emulator.sales.accounts.get(id)).toBeUndefined();
    expect((await sales(`accounts(${id})`, { method: 'DELETE' })).status).toBe(404);
  });

  it('bumps one table-wide version on every write', async () => {
    const { sales, emulator } = await startSession();
    await sales('accounts', { method: 'POST', json: { accountid: id, name: 'A' } });
    await sales('accounts', { method: 'POST', json: { name: 'B' } });
    await sales(`accounts(${id})`, { method: 'PATCH', json: { name: 'A2' } });
    const versions = emulator.sales.accounts.list().map((row) => row.versionnumber);
    const [a = 0, b = 0] = versions;
    expect(a).toBeGreaterThan(b);
  });
});
