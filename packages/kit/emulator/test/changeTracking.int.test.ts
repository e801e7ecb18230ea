import { describe, expect, it } from 'vitest';
import { DEFAULT_URLS, type ChangeTrackingOptions } from '../src/index.js';
import { anAccount } from './support/builders.js';
import { batchBody, changeset, httpPart } from './support/multipart.js';
import { caller, issueToken, SALES_ROOT, startSession, type Call } from './support/session.js';

const ADMIN = `${DEFAULT_URLS.salesUrl}/_emulator/`;
const TRACK = { Prefer: 'odata.track-changes' };

function id(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

interface Page {
  readonly '@odata.context': string;
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
  readonly value: Record<string, unknown>[];
}

/** Follows next links to the end; returns every page. */
async function readAll(call: Call, first: string, headers: Record<string, string> = TRACK): Promise<Page[]> {
  const pages: Page[] = [];
  let link: string | undefined = first;
  while (link) {
    const response = await call(link, { headers });
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    pages.push(page);
    link = page['@odata.nextLink'];
  }
  return pages;
}

async function tracked(changeTracking: ChangeTrackingOptions = {}) {
  const accounts = [5, 3, 1, 4, 2].map((n) =>
    anAccount().withId(id(n)).named(`Account ${n}`).numbered(`ACC-${n}`).build(),
  );
  return startSession({ sales: { accounts } }, { changeTracking });
}

describe('change tracking (accounts)', () => {
  it('returns every row page by page and the delta link on the last page only', async () => {
    const { sales } = await tracked();
    const first = await sales('accounts?$select=name', {
      headers: { Prefer: 'odata.track-changes,odata.maxpagesize=2' },
    });
    expect(first.headers.get('Preference-Applied')).toBe('odata.track-changes,odata.maxpagesize=2');
    const pages = await readAll(sales, 'accounts?$select=name', { Prefer: 'odata.track-changes,odata.maxpagesize=2' });
    expect(pages.map((page) => page.value.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.value.map((row) => row['accountid']))).toEqual([1, 2, 3, 4, 5].map(id));
    expect(pages[0]?.value[0]).toEqual({
      '@odata.etag': expect.stringMatching(/^W\/"\d+"$/),
      name: 'Account 1',
      accountid: id(1),
    });
    expect(pages[0]?.['@odata.context']).toBe(`${SALES_ROOT}$metadata#accounts(name)`);
    expect(pages.slice(0, 2).every((page) => page['@odata.deltaLink'] === undefined)).toBe(true);
    const deltaLink = pages[2]?.['@odata.deltaLink'];
    // `<version>!<MM/DD/YYYY HH:mm:ss>` as Dataverse writes it, by the emulator's clock.
    expect(deltaLink).toMatch(
      /^https:\/\/p2c-demo\.crm\.dynamics\.com\/api\/data\/v9\.2\/accounts\?\$select=name&\$deltatoken=\d+%2103%2F01%2F2026%2012%3A00%3A00$/,
    );
  });

  it('returns changed rows with their current values, then deleted ones, and a new delta link', async () => {
    const { emulator, sales, clock } = await tracked();
    const [full] = await readAll(sales, 'accounts?$select=name,accountnumber');
    const deltaLink = full?.['@odata.deltaLink'] ?? '';

    clock.advance(60);
    expect((await sales(`accounts(${id(2)})`, { method: 'PATCH', json: { name: 'Renamed' } })).status).toBe(204);
    const created = await sales('accounts', { method: 'POST', json: { name: 'New', accountnumber: 'ACC-9' } });
    const newId = /accounts\(([^)]+)\)/.exec(created.headers.get('OData-EntityId') ?? '')?.[1];
    expect((await sales(`accounts(${id(3)})`, { method: 'DELETE' })).status).toBe(204);
    emulator.sales.accounts.remove(id(4));
    expect((await emulator.handle(new Request(`${ADMIN}sales/accounts/${id(5)}`, { method: 'DELETE' }))).status).toBe(
      204,
    );

    const response = await sales(deltaLink, { headers: TRACK });
    const delta = (await response.json()) as Page;
    expect(delta['@odata.context']).toBe(`${SALES_ROOT}$metadata#accounts(name,accountnumber)/$delta`);
    expect(delta.value).toEqual([
      { '@odata.etag': expect.any(String), name: 'Renamed', accountnumber: 'ACC-2', accountid: id(2) },
      { '@odata.etag': expect.any(String), name: 'New', accountnumber: 'ACC-9', accountid: newId },
      ...[3, 4, 5].map((n) => ({
        '@odata.context': `${SALES_ROOT}$metadata#accounts/$deletedEntity`,
        id: id(n),
        reason: 'deleted',
      })),
    ]);
    expect(delta['@odata.deltaLink']).toMatch(/\$deltatoken=\d+%2103%2F01%2F2026%2012%3A01%3A00$/);
    expect(delta['@odata.deltaLink']).not.toBe(deltaLink);

    const nothing = (await (await sales(delta['@odata.deltaLink'] ?? '', { headers: TRACK })).json()) as Page;
    expect(nothing.value).toEqual([]);
    expect(nothing['@odata.deltaLink']).toBeDefined();
  });

  it('pages a delta too, changes before deletions, with the delta link on the last page', async () => {
    const { emulator, sales } = await tracked();
    const deltaLink = (await readAll(sales, 'accounts?$select=name')).at(-1)?.['@odata.deltaLink'] ?? '';
    for (const n of [1, 2, 3]) emulator.sales.accounts.update(id(n), { name: `Changed ${n}` });
    emulator.sales.accounts.remove(id(4));
    emulator.sales.accounts.remove(id(5));

    const pages = await readAll(sales, deltaLink, { Prefer: 'odata.track-changes,odata.maxpagesize=2' });
    expect(pages.map((page) => page.value.map((row) => row['accountid'] ?? `deleted ${String(row['id'])}`))).toEqual([
      [id(1), id(2)],
      [id(3), `deleted ${id(4)}`],
      [`deleted ${id(5)}`],
    ]);
    expect(pages.map((page) => page['@odata.deltaLink'] !== undefined)).toEqual([false, false, true]);
    expect(pages.map((page) => page['@odata.nextLink'] !== undefined)).toEqual([true, true, false]);
  });

  it('reports a change made while a delta is paged in the next delta, not the current one', async () => {
    const { emulator, sales } = await tracked();
    const deltaLink = (await readAll(sales, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    emulator.sales.accounts.update(id(1), { name: 'First' });
    emulator.sales.accounts.update(id(2), { name: 'Second' });
    const first = (await (
      await sales(deltaLink, { headers: { Prefer: 'odata.track-changes,odata.maxpagesize=1' } })
    ).json()) as Page;
    emulator.sales.accounts.update(id(2), { name: 'Second again' });
    const rest = await readAll(sales, first['@odata.nextLink'] ?? '');
    expect([first, ...rest].flatMap((page) => page.value.map((row) => row['name']))).toEqual(['First']);
    const next = (await (await sales(rest.at(-1)?.['@odata.deltaLink'] ?? '', { headers: TRACK })).json()) as Page;
    expect(next.value.map((row) => row['name'])).toEqual(['Second again']);
  });

  it('forgets nothing when a change set that deleted a row is rolled back', async () => {
    const { sales } = await tracked();
    const deltaLink = (await readAll(sales, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    const body = batchBody('b', [
      changeset('c', [
        httpPart([`DELETE accounts(${id(1)}) HTTP/1.1`]),
        httpPart(['POST accounts HTTP/1.1', 'Content-Type: application/json'], { body: { name: 'x'.repeat(200) } }),
      ]),
    ]);
    await sales('$batch', { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body });
    const delta = (await (await sales(deltaLink, { headers: TRACK })).json()) as Page;
    expect(delta.value).toEqual([]);
  });

  it.each(['$filter=name eq 1', '$orderby=name', '$expand=transactioncurrencyid', '$top=1'])(
    'refuses %s together with change tracking',
    async (option) => {
      const { sales } = await tracked();
      const response = await sales(`accounts?${option}`, { headers: TRACK });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: '0x80060888', message: expect.stringContaining(`'${option.split('=')[0] ?? ''}'`) },
      });
    },
  );

  it('refuses a delta token older than the retention, or expired by the admin API', async () => {
    const { emulator, sales: firstCaller, clock } = await tracked({ retentionDays: 90 });
    const deltaLink = (await readAll(firstCaller, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    clock.advance(89 * 24 * 3600);
    // Access tokens live an hour: a client months later has a new one.
    let sales = caller(emulator, SALES_ROOT, await issueToken(emulator));
    expect((await sales(deltaLink, { headers: TRACK })).status).toBe(200);
    clock.advance(2 * 24 * 3600);
    sales = caller(emulator, SALES_ROOT, await issueToken(emulator));
    const expired = await sales(deltaLink, { headers: TRACK });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toEqual({
      error: {
        code: '0x80044352',
        message: 'Version stamp associated with the client has expired. Please perform a full sync.',
      },
    });

    const fresh = (await readAll(sales, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    expect((await emulator.handle(new Request(`${ADMIN}sales/delta-tokens/expire`, { method: 'POST' }))).status).toBe(
      204,
    );
    expect((await sales(fresh, { headers: TRACK })).status).toBe(400);
    const after = (await readAll(sales, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    expect((await sales(after, { headers: TRACK })).status).toBe(200);
    expect((await sales('accounts?$deltatoken=yesterday', { headers: TRACK })).status).toBe(400);
  });

  it("returns everything again for an expired token with expiredDeltaToken: 'full'", async () => {
    const { emulator, sales } = await tracked({ expiredDeltaToken: 'full' });
    const deltaLink = (await readAll(sales, 'accounts?$select=name')).at(-1)?.['@odata.deltaLink'] ?? '';
    emulator.expireDeltaTokens();
    const pages = await readAll(sales, deltaLink, { Prefer: 'odata.track-changes,odata.maxpagesize=3' });
    expect(pages.flatMap((page) => page.value.map((row) => row['accountid']))).toEqual([1, 2, 3, 4, 5].map(id));
    expect(pages[0]?.['@odata.context']).toBe(`${SALES_ROOT}$metadata#accounts(name)`);
    expect(pages.at(-1)?.['@odata.deltaLink']).toMatch(/\?\$select=name&\$deltatoken=/);
  });

  it('ignores Prefer: odata.track-changes on a table without change tracking', async () => {
    const { emulator, sales } = await tracked({ accounts: false });
    const response = await sales('accounts?$select=name&$filter=name ne null', { headers: TRACK });
    expect(response.status).toBe(200);
    expect(response.headers.get('Preference-Applied')).toBeNull();
    const body = (await response.json()) as Page;
    expect(body.value).toHaveLength(5);
    expect(body['@odata.deltaLink']).toBeUndefined();
    expect(
      (await sales('accounts?$deltatoken=1000001%2103%2F01%2F2026%2012%3A00%3A00', { headers: TRACK })).status,
    ).toBe(400);

    const admin = (method: string, json?: unknown) =>
      emulator.handle(
        new Request(`${ADMIN}sales/change-tracking`, {
          method,
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        }),
      );
    expect(await (await admin('PUT', { accounts: true })).json()).toEqual({
      accounts: true,
      tables: {},
      retentionDays: 90,
      expiredDeltaToken: 'error',
    });
    const on = await readAll(sales, 'accounts');
    expect(on.at(-1)?.['@odata.deltaLink']).toBeDefined();
    expect(await (await admin('PUT', { accounts: false })).json()).toMatchObject({ accounts: false });
    expect(((await (await sales('accounts', { headers: TRACK })).json()) as Page)['@odata.deltaLink']).toBeUndefined();
    const invalid = await admin('PUT', { expiredDeltaToken: 'sometimes' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { problems: string[] }).problems[0]).toMatch(/^expiredDeltaToken:/);
  });

  it('expires delta tokens when the data is reset', async () => {
    const { emulator, sales } = await tracked();
    const deltaLink = (await readAll(sales, 'accounts')).at(-1)?.['@odata.deltaLink'] ?? '';
    emulator.reset({ sales: { accounts: [anAccount().build()] } });
    expect((await sales(deltaLink, { headers: TRACK })).status).toBe(400);
  });
});

describe('change tracking (generic tables)', () => {
  const contact = (n: number) => `0c000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const seed = {
    sales: {
      contacts: [3, 1, 2].map((n) => ({ contactid: contact(n), lastname: `Contact ${n}` })),
    },
  };

  it('tracks contacts by default: a delta of changed, created and deleted rows', async () => {
    const { emulator, sales, clock } = await startSession(seed);
    const full = await readAll(sales, 'contacts?$select=lastname', {
      Prefer: 'odata.track-changes,odata.maxpagesize=2',
    });
    expect(full.flatMap((page) => page.value.map((row) => row['contactid']))).toEqual([1, 2, 3].map(contact));
    const deltaLink = full.at(-1)?.['@odata.deltaLink'] ?? '';
    expect(deltaLink).toMatch(/contacts\?\$select=lastname&\$deltatoken=\d+%21/);

    clock.advance(60);
    expect((await sales(`contacts(${contact(2)})`, { method: 'PATCH', json: { lastname: 'Renamed' } })).status).toBe(
      204,
    );
    const added = emulator.sales.table('contacts').insert({ lastname: 'Added' });
    expect((await sales(`contacts(${contact(3)})`, { method: 'DELETE' })).status).toBe(204);

    const delta = (await (await sales(deltaLink, { headers: TRACK })).json()) as Page;
    expect(delta['@odata.context']).toBe(`${SALES_ROOT}$metadata#contacts(lastname)/$delta`);
    expect(delta.value).toEqual([
      { '@odata.etag': expect.any(String), lastname: 'Renamed', contactid: contact(2) },
      { '@odata.etag': expect.any(String), lastname: 'Added', contactid: added['contactid'] },
      { '@odata.context': `${SALES_ROOT}$metadata#contacts/$deletedEntity`, id: contact(3), reason: 'deleted' },
    ]);
    expect(delta['@odata.deltaLink']).toBeDefined();
  });

  it('refuses an expired or invalid token for a table as for accounts', async () => {
    const { emulator, sales } = await startSession(seed);
    const deltaLink = (await readAll(sales, 'contacts')).at(-1)?.['@odata.deltaLink'] ?? '';
    expect((await sales('contacts?$deltatoken=nonsense', { headers: TRACK })).status).toBe(400);
    emulator.expireDeltaTokens();
    const expired = await sales(deltaLink, { headers: TRACK });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: { code: '0x80044352' } });
  });

  it('ignores the preference for a table switched off, and refuses its delta tokens', async () => {
    const { emulator, sales } = await startSession(seed, { changeTracking: { tables: { quotes: true } } });
    const deltaLink = (await readAll(sales, 'contacts')).at(-1)?.['@odata.deltaLink'] ?? '';
    emulator.setChangeTracking({ tables: { contacts: false } });
    expect(emulator.settings().changeTracking.tables).toEqual({ quotes: true, contacts: false });
    const page = (await (await sales('contacts', { headers: TRACK })).json()) as Page;
    expect(page.value).toHaveLength(3);
    expect(page['@odata.deltaLink']).toBeUndefined();
    const refused = await sales(deltaLink, { headers: TRACK });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { message: expect.stringContaining("'contact'") } });
  });
});
