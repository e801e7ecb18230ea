import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BatchPart, BatchRequest } from '../src/batch/BatchPart.js';
import { decodeBatchResponse } from '../src/batch/decodeBatchResponse.js';
import { ODataError } from '../src/errors/ODataError.js';
import { formatEntityKey } from '../src/keys/formatEntityKey.js';
import { DATAVERSE, FINOPS, TOKEN, testClient } from './support/clientHarness.js';
import { recordedMessage, recordedStatus } from './support/recordedMessage.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface SeenBatch {
  contentType: string | null;
  prefer: string | null;
  authorization: string | null;
  body: string;
}

/** Serves a recorded $batch response and remembers what was sent. */
function serveRecorded(serviceUrl: string, fixture: string, seen: SeenBatch[] = []) {
  const recorded = recordedMessage(fixture);
  server.use(
    http.post(`${serviceUrl}/$batch`, async ({ request }) => {
      seen.push({
        contentType: request.headers.get('content-type'),
        prefer: request.headers.get('prefer'),
        authorization: request.headers.get('authorization'),
        body: await request.text(),
      });
      return new HttpResponse(recorded.body, {
        status: recordedStatus(recorded),
        headers: { 'Content-Type': recorded.headers['content-type'] ?? '', 'OData-Version': '4.0' },
      });
    }),
  );
  return seen;
}

const customer = (account: string) => `CustomersV3${formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: account })}`;

describe('ODataClient.batch', () => {
  it('posts a multipart batch and gives each request of the failed F&O changeset its Infolog error', async () => {
    const seen = serveRecorded(FINOPS, 'finops-failed-changeset.response.http');
    const { client } = testClient({ serviceUrl: FINOPS });
    const update: BatchRequest = {
      method: 'PATCH',
      url: customer('ACC-01000-BVRCPS'),
      headers: { 'If-Match': '*' },
      body: { CustomerGroupId: '10' },
    };
    const create: BatchRequest = {
      method: 'POST',
      url: 'CustomersV3',
      body: { CustomerAccount: 'ACC-01001-BVRCPS', CustomerGroupId: '99' },
    };
    const address: BatchRequest = {
      method: 'POST',
      url: 'CustomerPostalAddresses',
      body: { CustomerAccountNumber: 'ACC-01001-BVRCPS' },
    };
    const remove: BatchRequest = { method: 'DELETE', url: customer('ACC-00999-BVRCPS') };
    const parts: BatchPart[] = [{ changeset: [update] }, { changeset: [create, address] }, remove];

    const results = await client.batch(parts);

    expect(results.map((result) => [result.request, result.status])).toEqual([
      [update, 204],
      [create, 400],
      [address, 400],
      [remove, 204],
    ]);
    expect(results[0]?.headers['etag']).toBe('W/"JzEsNTYzNzE0NDU3Nzsn"');
    for (const failed of results.slice(1, 3)) {
      expect(failed.error).toBeInstanceOf(ODataError);
      expect(failed.error?.kind).toBe('record');
      expect(failed.error?.message).toContain("The value '99' in field 'Customer group' is not found");
    }

    const sent = seen[0];
    expect(sent?.contentType).toMatch(/^multipart\/mixed; boundary=batch_[0-9a-f-]{36}$/);
    expect(sent?.prefer).toBeNull();
    expect(sent?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.body).toContain(
      `PATCH ${FINOPS}/CustomersV3(dataAreaId='usmf',CustomerAccount='ACC-01000-BVRCPS') HTTP/1.1\r\n`,
    );
    expect(sent?.body).toContain('Content-ID: 3\r\n');
    expect(sent?.body.match(/boundary=changeset_/g)).toHaveLength(2);
  });

  it('sends Prefer: odata.continue-on-error when asked, and reports every result', async () => {
    const seen = serveRecorded(DATAVERSE, 'dataverse-continue-on-error.response.http');
    const { client } = testClient();
    const tasks: BatchRequest[] = ['x'.repeat(250), 'Task 2 in batch', 'Task 3 in batch'].map((subject) => ({
      method: 'POST',
      url: 'tasks',
      body: { subject },
    }));
    const results = await client.batch(tasks, { continueOnError: true });
    expect(seen[0]?.prefer).toBe('odata.continue-on-error');
    expect(results.map((result) => result.status)).toEqual([400, 204, 204]);
    expect(results[0]?.error?.odataCode).toBe('0x80044331');
    expect(results[2]?.headers['odata-entityid']).toBe(`${DATAVERSE}/tasks(b181a991-3c94-ed11-aad1-000d3a9933c9)`);
  });

  it('reads a multipart answer to a batch that stopped at its first error (HTTP 400), without throwing', async () => {
    serveRecorded(DATAVERSE, 'dataverse-stop-on-error.response.http');
    const { client, sleeps } = testClient();
    const results = await client.batch(
      [1, 2, 3].map((n) => ({ method: 'POST', url: 'tasks', body: { subject: `Task ${n}` } })),
    );
    expect(results.map((result) => [result.status, result.error?.code])).toEqual([
      [400, 'HTTP_400'],
      [424, 'BATCH_NOT_EXECUTED'],
      [424, 'BATCH_NOT_EXECUTED'],
    ]);
    expect(sleeps).toEqual([]);
  });

  it('reads the Dataverse changeset example through the client', async () => {
    serveRecorded(DATAVERSE, 'dataverse-changeset.response.http');
    const { client } = testClient();
    const results = await client.batch([
      {
        changeset: [1, 2, 3].map((n) => ({
          method: 'POST' as const,
          url: 'tasks',
          body: { subject: `Task ${n} in batch` },
        })),
      },
      { method: 'GET', url: 'accounts(00000000-0000-0000-0000-000000000001)/Account_Tasks?$select=subject' },
    ]);
    expect(results.map((result) => result.status)).toEqual([204, 204, 204, 200]);
    expect(results.every((result) => result.error === undefined)).toBe(true);
  });

  it('retries a throttled batch after Retry-After', async () => {
    const recorded = recordedMessage('dataverse-batch.response.http');
    let calls = 0;
    server.use(
      http.post(`${DATAVERSE}/$batch`, () => {
        calls += 1;
        if (calls === 1)
          return HttpResponse.json(
            { error: { code: '0x80072321', message: 'Too many' } },
            { status: 429, headers: { 'Retry-After': '3' } },
          );
        return new HttpResponse(recorded.body, { headers: { 'Content-Type': recorded.headers['content-type'] ?? '' } });
      }),
    );
    const { client, sleeps } = testClient();
    const parts: BatchPart[] = [
      ...[1, 2, 3].map((n) => ({ method: 'POST' as const, url: 'tasks', body: { subject: `Task ${n} in batch` } })),
      { method: 'GET', url: 'accounts(00000000-0000-0000-0000-000000000001)/Account_Tasks?$select=subject' },
    ];
    const results = await client.batch(parts);
    expect(calls).toBe(2);
    expect(sleeps).toEqual([3000]);
    expect(results.map((result) => result.status)).toEqual([204, 204, 204, 200]);
  });

  it('throws when the batch as a whole is refused without a multipart body', async () => {
    server.use(
      http.post(`${DATAVERSE}/$batch`, () =>
        HttpResponse.json(
          { error: { code: '0x80048d19', message: 'The batch request must not have more than 1000 requests.' } },
          { status: 400 },
        ),
      ),
    );
    const { client } = testClient();
    await expect(client.batch([{ method: 'GET', url: 'accounts' }])).rejects.toMatchObject({
      kind: 'record',
      status: 400,
      message: 'The batch request must not have more than 1000 requests.',
    });
  });

  it('sends nothing for an empty batch', async () => {
    const { client } = testClient();
    await expect(client.batch([])).resolves.toEqual([]);
  });

  it('what it sends decodes back as a well-formed multipart body', async () => {
    const seen = serveRecorded(DATAVERSE, 'dataverse-batch.response.http');
    const { client } = testClient();
    await client.batch([
      { method: 'POST', url: 'tasks', body: { subject: 'a' } },
      { method: 'POST', url: 'tasks', body: { subject: 'b' } },
      { method: 'POST', url: 'tasks', body: { subject: 'c' } },
      { method: 'GET', url: 'tasks' },
    ]);
    // Re-read our request with the response decoder, turning request lines into status lines.
    const asResponses = (seen[0]?.body ?? '').replace(/^(GET|POST) \S+ HTTP\/1\.1$/gm, 'HTTP/1.1 200 OK');
    const items = decodeBatchResponse(asResponses, seen[0]?.contentType ?? '');
    expect(items.map((item) => item.body)).toEqual([{ subject: 'a' }, { subject: 'b' }, { subject: 'c' }, undefined]);
  });
});
