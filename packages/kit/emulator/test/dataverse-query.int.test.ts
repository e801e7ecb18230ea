import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSACTION_CURRENCIES } from '../src/index.js';
import { anAccount } from './support/builders.js';
import { SALES_ROOT, startSession } from './support/session.js';

interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  value: Record<string, unknown>[];
}

const EUR = DEFAULT_TRANSACTION_CURRENCIES[1]?.transactioncurrencyid;

function numbered(count: number) {
  return Array.from({ length: count }, (_, index) =>
    anAccount()
      .numbered(`ACC-${String(1000 + index).padStart(5, '0')}-BVRCPS`)
      .named(`Account ${index}`)
      .build(),
  );
}

describe('Dataverse collection queries', () => {
  it('pages with odata.maxpagesize and a next link that works on its own', async () => {
    const { sales } = await startSession({ sales: { accounts: numbered(7) } });
    const headers = { Prefer: 'odata.maxpagesize=3' };
    const first = await sales('accounts?$select=accountnumber&$orderby=accountnumber desc', { headers });
    expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=3');
    const seen: unknown[] = [];
    let page = (await first.json()) as Page;
    let pages = 1;
    seen.push(...page.value.map((row) => row['accountnumber']));
    while (page['@odata.nextLink']) {
      expect(page['@odata.nextLink']).toContain('$skiptoken=');
      expect(page.value).toHaveLength(3);
      page = (await (await sales(page['@odata.nextLink'], { headers })).json()) as Page;
      seen.push(...page.value.map((row) => row['accountnumber']));
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(
      numbered(7)
        .map((row) => row.accountnumber)
        .reverse(),
    );
  });

  it('keeps paging by the last row seen when rows are inserted between pages', async () => {
    const { sales, emulator } = await startSession({ sales: { accounts: numbered(4) } });
    const headers = { Prefer: 'odata.maxpagesize=2' };
    const first = (await (
      await sales('accounts?$select=accountnumber&$orderby=accountnumber', { headers })
    ).json()) as Page;
    emulator.sales.accounts.insert({ name: 'Early', accountnumber: 'ACC-00001-AAAAAA' });
    const second = (await (await sales(first['@odata.nextLink'] ?? '', { headers })).json()) as Page;
    expect(second.value.map((row) => row['accountnumber'])).toEqual(['ACC-01002-BVRCPS', 'ACC-01003-BVRCPS']);
  });

  it('caps the page at 5000 rows and ignores a larger page size', async () => {
    const { sales } = await startSession({ sales: { accounts: numbered(5002) } });
    const response = await sales('accounts?$select=name&$count=true', {
      headers: { Prefer: 'odata.maxpagesize=9000' },
    });
    expect(response.headers.get('preference-applied')).toBeNull();
    const page = (await response.json()) as Page & Record<string, unknown>;
    expect(page.value).toHaveLength(5000);
    expect(page['@odata.count']).toBe(5000);
    expect(page['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded']).toBe(true);
    expect(page['@odata.nextLink']).toBeDefined();
  });

  it('refuses $skip as Dataverse does', async () => {
    const { sales } = await startSession();
    const response = await sales('accounts?$skip=2');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: '0x80060888', message: 'The query parameter $skip is not supported' },
    });
  });

  it('filters, orders by several keys, limits with $top and counts', async () => {
    const { sales } = await startSession({
      sales: {
        accounts: [
          anAccount().named('Beta').with({ address1_city: 'Oslo', numberofemployees: 5 }).build(),
          anAccount().named('Alpha').with({ address1_city: 'Oslo', numberofemployees: 50 }).build(),
          anAccount().named('Gamma').with({ address1_city: 'Bergen', numberofemployees: 50 }).build(),
          anAccount().named("O'Brien").with({ address1_city: 'Oslo', numberofemployees: 1 }).build(),
        ],
      },
    });
    const query = encodeURIComponent("address1_city eq 'oslo' and numberofemployees ge 5");
    const page = (await (
      await sales(`accounts?$select=name&$filter=${query}&$orderby=numberofemployees desc,name asc&$count=true`)
    ).json()) as Page;
    expect(page['@odata.context']).toBe(`${SALES_ROOT}$metadata#accounts(name)`);
    expect(page['@odata.count']).toBe(2);
    expect(page.value.map((row) => row['name'])).toEqual(['Alpha', 'Beta']);
    expect(Object.keys(page.value[0] ?? {})).toEqual(['@odata.etag', 'accountid', 'name']);

    const quoted = (await (
      await sales(`accounts?$select=name&$filter=${encodeURIComponent("name eq 'O''Brien'")}`)
    ).json()) as Page;
    expect(quoted.value.map((row) => row['name'])).toEqual(["O'Brien"]);

    const top = (await (await sales('accounts?$select=name&$orderby=name&$top=2')).json()) as Page;
    expect(top.value.map((row) => row['name'])).toEqual(['Alpha', 'Beta']);
    expect(top['@odata.nextLink']).toBeUndefined();
  });

  it('names an unknown property in $filter, $select and $orderby', async () => {
    const { sales } = await startSession();
    for (const query of ["$filter=nmae eq 'x'", '$select=name,nmae', '$orderby=nmae']) {
      const response = await sales(`accounts?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: '0x80060888',
          message: "Could not find a property named 'nmae' on type 'Microsoft.Dynamics.CRM.account'.",
        },
      });
    }
  });

  it('expands the currency lookup and filters through it', async () => {
    const { sales } = await startSession({
      sales: {
        accounts: [anAccount().named('Euro Co').inCurrency('EUR').build(), anAccount().named('Dollar Co').build()],
      },
    });
    const filter = encodeURIComponent("transactioncurrencyid/isocurrencycode eq 'EUR'");
    const page = (await (
      await sales(`accounts?$select=name&$expand=transactioncurrencyid($select=isocurrencycode)&$filter=${filter}`)
    ).json()) as Page;
    expect(page['@odata.context']).toBe(`${SALES_ROOT}$metadata#accounts(name,transactioncurrencyid(isocurrencycode))`);
    expect(page.value).toEqual([
      expect.objectContaining({
        name: 'Euro Co',
        transactioncurrencyid: { isocurrencycode: 'EUR', transactioncurrencyid: EUR },
      }),
    ]);
  });

  it('adds formatted values and lookup annotations when the client prefers them', async () => {
    const { sales } = await startSession({
      sales: {
        accounts: [
          anAccount()
            .named('Fabrikam')
            .inCurrency('EUR')
            .with({
              paymenttermscode: 2,
              address1_shippingmethodcode: 7,
              customertypecode: 3,
              creditlimit: 1500,
              statecode: 1,
            })
            .build(),
        ],
      },
    });
    const select =
      '$select=name,paymenttermscode,address1_shippingmethodcode,customertypecode,statecode,creditlimit,_transactioncurrencyid_value';
    const response = await sales(`accounts?${select}`, {
      headers: { Prefer: 'odata.include-annotations="*"' },
    });
    expect(response.headers.get('preference-applied')).toBe('odata.include-annotations="*"');
    const [row] = ((await response.json()) as Page).value;
    expect(row).toMatchObject({
      'paymenttermscode@OData.Community.Display.V1.FormattedValue': '2% 10, Net 30',
      'address1_shippingmethodcode@OData.Community.Display.V1.FormattedValue': 'Will Call',
      'customertypecode@OData.Community.Display.V1.FormattedValue': 'Customer',
      'statecode@OData.Community.Display.V1.FormattedValue': 'Inactive',
      'creditlimit@OData.Community.Display.V1.FormattedValue': '€1,500.00',
      '_transactioncurrencyid_value@OData.Community.Display.V1.FormattedValue': 'Euro',
      '_transactioncurrencyid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'transactioncurrency',
      '_transactioncurrencyid_value@Microsoft.Dynamics.CRM.associatednavigationproperty': 'transactioncurrencyid',
      _transactioncurrencyid_value: EUR,
    });

    const onlyFormatted = await sales(`accounts?${select}`, {
      headers: { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' },
    });
    const [plain] = ((await onlyFormatted.json()) as Page).value;
    expect(plain?.['paymenttermscode@OData.Community.Display.V1.FormattedValue']).toBe('2% 10, Net 30');
    expect(plain?.['_transactioncurrencyid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBeUndefined();

    const none = ((await (await sales(`accounts?${select}`)).json()) as Page).value[0];
    expect(Object.keys(none ?? {}).some((key) => key.includes('@OData'))).toBe(false);
  });

  it('answers /$count with the filtered count as text', async () => {
    const { sales } = await startSession({ sales: { accounts: numbered(3) } });
    const response = await sales(
      `accounts/$count?$filter=${encodeURIComponent("accountnumber ne 'ACC-01000-BVRCPS'")}`,
    );
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('2');
  });

  it('answers 404 for an entity set it does not emulate', async () => {
    const { sales } = await startSession();
    const response = await sales('opportunities');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: '0x80060888', message: "Resource not found for the segment 'opportunities'." },
    });
  });

  it('lists the read-only transaction currencies', async () => {
    const { sales } = await startSession();
    const page = (await (
      await sales("transactioncurrencies?$select=isocurrencycode&$filter=isocurrencycode eq 'DKK'")
    ).json()) as Page;
    expect(page.value).toEqual([
      { isocurrencycode: 'DKK', transactioncurrencyid: DEFAULT_TRANSACTION_CURRENCIES[4]?.transactioncurrencyid },
    ]);
    expect((await sales('transactioncurrencies', { method: 'POST', json: { isocurrencycode: 'NOK' } })).status).toBe(
      405,
    );
  });
});

describe('Dataverse single rows', () => {
  const id = '6f9619ff-8b86-d011-b42d-00c04fc964ff';

  it('reads a row by id with $select, an etag and the $entity context', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().withId(id).numbered('ACC-1').build()] } });
    const response = await sales(`accounts(${id.toUpperCase()})?$select=accountnumber`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      '@odata.context': `${SALES_ROOT}$metadata#accounts(accountnumber)/$entity`,
      '@odata.etag': expect.stringMatching(/^W\/"\d+"$/),
      accountid: id,
      accountnumber: 'ACC-1',
    });
  });

  it('answers 404 with the Dataverse error body for a missing id', async () => {
    const { sales } = await startSession();
    const response = await sales(`accounts(${id})`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: '0x80040217', message: `account With Id = ${id} Does Not Exist` },
    });
  });

  it('reads by alternate key, with quotes doubled inside the literal and any case', async () => {
    const { sales } = await startSession({
      sales: { accounts: [anAccount().numbered("ACC-O'NEIL").named('Quoted').build()] },
    });
    const response = await sales(`accounts(accountnumber='acc-o''neil')?$select=name`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Quoted' });

    const missing = await sales(`accounts(accountnumber='ACC-NONE')`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: '0x80060891', message: 'A record with the specified key values does not exist in account entity' },
    });
  });

  it('refuses an alternate key that two rows hold', async () => {
    const { sales } = await startSession({
      sales: { accounts: [anAccount().numbered('ACC-DUP').build(), anAccount().numbered('ACC-DUP').build()] },
    });
    const response = await sales(`accounts(accountnumber='ACC-DUP')`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("The alternate key accountnumber='ACC-DUP' matches 2 account records");
  });

  it('refuses a key column that is not an alternate key', async () => {
    const { sales } = await startSession();
    const response = await sales(`accounts(name='x')`);
    expect(response.status).toBe(400);
  });

  it('answers 304 when If-None-Match carries the current etag', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().withId(id).build()] } });
    const etag = (await (await sales(`accounts(${id})`)).json()) as Record<string, string>;
    const response = await sales(`accounts(${id})`, { headers: { 'If-None-Match': etag['@odata.etag'] ?? '' } });
    expect(response.status).toBe(304);
  });
});
