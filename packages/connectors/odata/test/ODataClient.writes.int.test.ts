import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatEntityKey } from '../src/keys/formatEntityKey.js';
import { DATAVERSE, FINOPS, odataUrl, testClient } from './support/clientHarness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const accountUrl = `${DATAVERSE}/accounts${formatEntityKey({ accountnumber: 'ACC-01000-BVRCPS' })}`;
const entityId = `${DATAVERSE}/accounts(7d577253-3ef0-4a0a-bb7f-8335c2596e70)`;

describe('writes', () => {
  it('PATCH upserts with JSON, passing If-Match / If-None-Match, and reports the entity id', async () => {
    const seen: { ifMatch: string | null; ifNoneMatch: string | null; type: string | null; body: unknown }[] = [];
    server.use(
      http.patch(odataUrl(accountUrl), async ({ request }) => {
        seen.push({
          ifMatch: request.headers.get('if-match'),
          ifNoneMatch: request.headers.get('if-none-match'),
          type: request.headers.get('content-type'),
          body: await request.json(),
        });
        return new HttpResponse(null, { status: 204, headers: { 'OData-EntityId': entityId } });
      }),
    );
    const { client } = testClient();
    const updated = await client.patch(
      "accounts(accountnumber='ACC-01000-BVRCPS')",
      { name: 'Fourth Coffee' },
      { ifMatch: '*' },
    );
    expect(updated).toMatchObject({ status: 204, body: undefined, entityId });
    await client.patch("accounts(accountnumber='ACC-01000-BVRCPS')", { name: 'Fourth Coffee' }, { ifNoneMatch: '*' });
    expect(seen).toEqual([
      { ifMatch: '*', ifNoneMatch: null, type: 'application/json', body: { name: 'Fourth Coffee' } },
      { ifMatch: null, ifNoneMatch: '*', type: 'application/json', body: { name: 'Fourth Coffee' } },
    ]);
  });

  it('a stale ETag fails with a record error (412) and is not retried', async () => {
    let calls = 0;
    server.use(
      http.patch(odataUrl(accountUrl), () => {
        calls += 1;
        return HttpResponse.json(
          {
            error: {
              code: '0x80060882',
              message: "The version of the existing record doesn't match the RowVersion property provided.",
            },
          },
          { status: 412 },
        );
      }),
    );
    const { client } = testClient();
    await expect(
      client.patch("accounts(accountnumber='ACC-01000-BVRCPS')", { name: 'x' }, { ifMatch: 'W/"474122"' }),
    ).rejects.toMatchObject({ kind: 'record', status: 412, odataCode: '0x80060882' });
    expect(calls).toBe(1);
  });

  it('POST returns the created body, its ETag and Location', async () => {
    const location = `${FINOPS}/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')`;
    server.use(
      http.post(`${FINOPS}/CustomersV3`, () =>
        HttpResponse.json(
          { '@odata.etag': 'W/"JzEsNTYzNzE0NDU3Nzsn"', CustomerAccount: 'US-001', dataAreaId: 'usmf' },
          { status: 201, headers: { Location: location } },
        ),
      ),
    );
    const { client } = testClient({ serviceUrl: FINOPS });
    const created = await client.post<{ CustomerAccount: string }>('CustomersV3', {
      CustomerAccount: 'US-001',
      dataAreaId: 'usmf',
    });
    expect(created.status).toBe(201);
    expect(created.body?.CustomerAccount).toBe('US-001');
    expect(created.etag).toBe('W/"JzEsNTYzNzE0NDU3Nzsn"');
    expect(created.entityId).toBe(location);
    expect(created.headers.get('location')).toBe(location);
  });

  it("surfaces F&O's Infolog text for a failed write", async () => {
    const infolog =
      "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: The value '99' in field 'Customer group' is not found in the related table 'Customer groups'.";
    server.use(
      http.post(`${FINOPS}/CustomersV3`, () =>
        HttpResponse.json(
          {
            error: {
              code: '',
              message: 'An error has occurred.',
              innererror: {
                message: infolog,
                type: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
                stacktrace: '   at ...',
              },
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { client } = testClient({ serviceUrl: FINOPS });
    await expect(client.post('CustomersV3', { CustomerGroupId: '99' })).rejects.toMatchObject({
      kind: 'record',
      message: infolog,
    });
  });

  it('DELETE sends If-Match and needs no body', async () => {
    let ifMatch: string | null = null;
    server.use(
      http.delete(odataUrl(accountUrl), ({ request }) => {
        ifMatch = request.headers.get('if-match');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { client } = testClient();
    await expect(
      client.delete("accounts(accountnumber='ACC-01000-BVRCPS')", { ifMatch: 'W/"1"' }),
    ).resolves.toMatchObject({
      status: 204,
      body: undefined,
    });
    expect(ifMatch).toBe('W/"1"');
  });
});
