import { ConfigError } from '@p2c/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ODataClient } from '../src/client/ODataClient.js';
import { ODataError } from '../src/errors/ODataError.js';
import { DATAVERSE, FINOPS, TOKEN, odataUrl, staticToken, testClient } from './support/clientHarness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  url: string;
  prefer: string | null;
  authorization: string | null;
  odataVersion: string | null;
}

function accountsPaged(seen: Seen[]) {
  return http.get(`${DATAVERSE}/accounts`, ({ request }) => {
    seen.push({
      url: request.url,
      prefer: request.headers.get('prefer'),
      authorization: request.headers.get('authorization'),
      odataVersion: request.headers.get('odata-version'),
    });
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
    const rows = [{ accountnumber: `ACC-${page}a` }, { accountnumber: `ACC-${page}b` }];
    if (page < 3) {
      return HttpResponse.json({
        '@odata.context': `${DATAVERSE}/$metadata#accounts(accountnumber)`,
        value: rows,
        '@odata.nextLink': `${DATAVERSE}/accounts?$select=accountnumber&page=${page + 1}`,
      });
    }
    return HttpResponse.json({
      value: rows.slice(0, 1),
      '@odata.deltaLink': `${DATAVERSE}/accounts?$select=accountnumber&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44`,
    });
  });
}

describe('ODataClient.pages', () => {
  it('follows nextLink to the last page, sending Prefer on every page, and yields the deltaLink last', async () => {
    const seen: Seen[] = [];
    server.use(accountsPaged(seen));
    const { client } = testClient();

    const pages = [];
    for await (const page of client.pages<{ accountnumber: string }>('accounts', {
      query: { select: ['accountnumber'] },
      maxPageSize: 2,
      headers: { Prefer: 'odata.track-changes' },
    })) {
      pages.push(page);
    }

    expect(pages.map((page) => page.value.map((row) => row.accountnumber))).toEqual([
      ['ACC-1a', 'ACC-1b'],
      ['ACC-2a', 'ACC-2b'],
      ['ACC-3a'],
    ]);
    expect(pages[0]?.nextLink).toBe(`${DATAVERSE}/accounts?$select=accountnumber&page=2`);
    expect(pages[2]?.nextLink).toBeUndefined();
    expect(pages[2]?.deltaLink).toContain('$deltatoken=');
    expect(pages.slice(0, 2).every((page) => page.deltaLink === undefined)).toBe(true);

    expect(seen).toHaveLength(3);
    expect(seen[0]?.url).toBe(`${DATAVERSE}/accounts?$select=accountnumber`);
    for (const request of seen) {
      expect(request.prefer).toBe('odata.track-changes,odata.maxpagesize=2');
      expect(request.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.odataVersion).toBe('4.0');
    }
  });

  it('stops after a single page when there is no nextLink, and reports $count', async () => {
    let calls = 0;
    server.use(
      http.get(`${FINOPS}/CustomersV3`, ({ request }) => {
        calls += 1;
        expect(new URL(request.url).searchParams.get('cross-company')).toBe('true');
        expect(request.headers.get('prefer')).toBe('odata.maxpagesize=500');
        return HttpResponse.json({ '@odata.count': 1, value: [{ CustomerAccount: 'US-001', dataAreaId: 'usmf' }] });
      }),
    );
    const { client } = testClient({ serviceUrl: FINOPS });
    const pages = [];
    for await (const page of client.pages('CustomersV3', {
      query: { crossCompany: true, count: true },
      maxPageSize: 500,
    })) {
      pages.push(page);
    }
    expect(pages).toEqual([{ value: [{ CustomerAccount: 'US-001', dataAreaId: 'usmf' }], count: 1 }]);
    expect(calls).toBe(1);
  });

  it('merges the client-wide Prefer with the page size, the later value of a preference winning', async () => {
    const seen: Seen[] = [];
    server.use(accountsPaged(seen));
    const { client } = testClient({ headers: { Prefer: 'odata.include-annotations="*",odata.maxpagesize=5000' } });
    const iterator = client.pages('accounts', { maxPageSize: 2 });
    await iterator.next();
    await iterator.return(undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.prefer).toBe('odata.include-annotations="*",odata.maxpagesize=2');
  });

  it('refuses to follow a nextLink to another host (it would receive the token)', async () => {
    const foreign: string[] = [];
    server.use(
      http.get(`${DATAVERSE}/accounts`, () =>
        HttpResponse.json({ value: [{}], '@odata.nextLink': 'https://evil.example.com/accounts?page=2' }),
      ),
      http.get('https://evil.example.com/accounts', ({ request }) => {
        foreign.push(request.url);
        return HttpResponse.json({ value: [] });
      }),
    );
    const { client } = testClient();
    const iterator = client.pages('accounts');
    await expect(iterator.next()).resolves.toMatchObject({ done: false });
    await expect(iterator.next()).rejects.toBeInstanceOf(ConfigError);
    expect(foreign).toEqual([]);
  });

  it('fails with a fatal ODataError when a page is not a collection', async () => {
    server.use(http.get(`${DATAVERSE}/accounts`, () => HttpResponse.json({ name: 'not a collection' })));
    const { client } = testClient();
    const iterator = client.pages('accounts');
    await expect(iterator.next()).rejects.toMatchObject({ kind: 'fatal', code: 'ODATA_UNEXPECTED_RESPONSE' });
  });
});

describe('ODataClient.get', () => {
  it('returns the JSON body, with the query appended', async () => {
    server.use(
      http.get(odataUrl(`${DATAVERSE}/accounts(accountnumber='O''Brien')`), ({ request }) => {
        expect(new URL(request.url).search).toBe('?$select=name');
        expect(request.headers.get('accept')).toBe('application/json');
        return HttpResponse.json({ name: "O'Brien Ltd", accountnumber: "O'Brien" });
      }),
    );
    const { client } = testClient();
    const account = await client.get<{ name: string }>("accounts(accountnumber='O''Brien')", {
      query: { select: ['name'] },
    });
    expect(account.name).toBe("O'Brien Ltd");
  });

  it('accepts an absolute URL on the service host (a deltaLink)', async () => {
    server.use(http.get(`${DATAVERSE}/accounts`, () => HttpResponse.json({ value: [] })));
    const { client } = testClient();
    await expect(client.get(`${DATAVERSE}/accounts?$deltatoken=1`)).resolves.toEqual({ value: [] });
  });

  it('throws a record ODataError for a missing row', async () => {
    server.use(
      http.get(odataUrl(`${DATAVERSE}/accounts(00000000-0000-0000-0000-000000000009)`), () =>
        HttpResponse.json(
          {
            error: {
              code: '0x80040217',
              message: "Entity 'account' With Id = 00000000-0000-0000-0000-000000000009 Does Not Exist",
            },
          },
          { status: 404 },
        ),
      ),
    );
    const { client } = testClient();
    const error = await client.get('accounts(00000000-0000-0000-0000-000000000009)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ODataError);
    expect(error).toMatchObject({ kind: 'record', status: 404, odataCode: '0x80040217', method: 'GET' });
  });

  it('looks up globalThis.fetch at call time by default', async () => {
    const client = new ODataClient({ serviceUrl: DATAVERSE, tokenProvider: staticToken() });
    const stub = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', stub);
    try {
      await expect(client.get('WhoAmI')).resolves.toEqual({ ok: true });
      expect(stub).toHaveBeenCalledWith(`${DATAVERSE}/WhoAmI`, expect.objectContaining({ method: 'GET' }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('ODataClient construction', () => {
  it('refuses plain http except for localhost, and URLs with a query', () => {
    const tokenProvider = staticToken();
    expect(
      () => new ODataClient({ serviceUrl: 'http://contoso.crm.dynamics.com/api/data/v9.2', tokenProvider }),
    ).toThrow(ConfigError);
    expect(() => new ODataClient({ serviceUrl: 'https://x/data?x=1', tokenProvider })).toThrow(ConfigError);
    expect(() => new ODataClient({ serviceUrl: 'not a url', tokenProvider })).toThrow(ConfigError);
    expect(new ODataClient({ serviceUrl: 'http://localhost:5555/data/', tokenProvider }).serviceUrl).toBe(
      'http://localhost:5555/data',
    );
  });
});
