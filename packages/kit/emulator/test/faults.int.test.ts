import { describe, expect, it } from 'vitest';
import { DEFAULT_URLS, Emulator, type FaultOptions } from '../src/index.js';
import { aCustomer, anAccount } from './support/builders.js';
import { batchBody, changeset, httpPart, readBatchResponse } from './support/multipart.js';
import { startSession } from './support/session.js';

const ADMIN = `${DEFAULT_URLS.salesUrl}/_emulator/`;

function finopsSeed() {
  return { finops: { customerGroups: ['10'], customers: [aCustomer('C-1').build()] } };
}

function postCustomer(account: string): string {
  return httpPart(['POST CustomersV3 HTTP/1.1', 'Content-Type: application/json'], {
    body: {
      CustomerAccount: account,
      OrganizationName: account,
      PartyType: 'Organization',
      CustomerGroupId: '10',
      SalesCurrencyCode: 'USD',
    },
  });
}

describe('fault injection by script', () => {
  it('consumes entries in order, one per matching request, and counts what it injected', async () => {
    const { emulator, sales, finops } = await startSession(finopsSeed(), {
      faults: {
        script: [
          { match: { service: 'finops', method: 'POST', path: '$batch' }, fault: '503' },
          { match: { service: 'sales' }, fault: '500', times: 2 },
          { match: { service: 'sales', path: 'accounts' }, fault: '503', after: 1 },
        ],
      },
    });
    const batch = () =>
      finops('$batch', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/mixed; boundary=b' },
        body: batchBody('b', [httpPart(['GET CustomersV3 HTTP/1.1'])]),
      });
    expect((await finops('CustomersV3')).status).toBe(200);
    const unavailable = await batch();
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({ error: { message: 'An error has occurred.' } });
    expect((await batch()).status).toBe(200);

    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await sales('accounts')).status);
    // Two 500s, then the third entry lets one request through before its 503.
    expect(statuses).toEqual([500, 500, 200, 503, 200]);
    expect(emulator.requestCounts().sales.faults).toEqual({
      status503: 1,
      status500: 2,
      status500After: 0,
      reset: 0,
      resetAfter: 0,
      timeout: 0,
      slow: 0,
      changesetFailure: 0,
    });
    expect(emulator.requestCounts().finops.faults?.status503).toBe(1);
    expect(emulator.settings().faults.scriptRemaining).toBe(0);
  });

  it("answers '500' before the write is applied and '500-after' after it", async () => {
    const { emulator, sales } = await startSession(undefined, {
      faults: {
        script: [
          { match: { method: 'POST' }, fault: '500' },
          { match: { method: 'POST' }, fault: '500-after' },
        ],
      },
    });
    const before = await sales('accounts', { method: 'POST', json: { name: 'Before', accountnumber: 'ACC-1' } });
    expect(before.status).toBe(500);
    expect(await before.json()).toEqual({ error: { code: '0x80040216', message: 'An unexpected error occurred.' } });
    expect(emulator.sales.accounts.list()).toEqual([]);

    const after = await sales('accounts', { method: 'POST', json: { name: 'After', accountnumber: 'ACC-2' } });
    expect(after.status).toBe(500);
    expect(emulator.sales.accounts.list().map((row) => row.accountnumber)).toEqual(['ACC-2']);
    // The unknown-fate case: a client that retries as an upsert by key leaves one row.
    const retry = await sales("accounts(accountnumber='ACC-2')", { method: 'PATCH', json: { name: 'After' } });
    expect(retry.status).toBe(204);
    expect(emulator.sales.accounts.list()).toHaveLength(1);
    expect(emulator.requestCounts().sales.faults).toMatchObject({ status500: 1, status500After: 1 });
  });

  it('rolls back one change set of a $batch as a whole and leaves the others alone', async () => {
    const { emulator, finops } = await startSession(finopsSeed(), {
      faults: { script: [{ match: { service: 'finops' }, fault: { changesetFailure: { changeset: 1 } } }] },
    });
    const body = batchBody('b', [
      changeset('c1', [postCustomer('A-1'), postCustomer('A-2')]),
      changeset('c2', [postCustomer('B-1'), postCustomer('B-2')]),
      changeset('c3', [postCustomer('D-1')]),
    ]);
    const response = await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b', Prefer: 'odata.continue-on-error' },
      body,
    });
    expect(response.status).toBe(200);
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts.map((part) => [part.status, part.inChangeset])).toEqual([
      [201, true],
      [201, true],
      [500, false],
      [201, true],
    ]);
    expect(JSON.parse(parts[2]?.body ?? '{}')).toMatchObject({
      error: {
        message: 'An error has occurred.',
        innererror: { message: expect.stringMatching(/change set was rolled back/) },
      },
    });
    expect(
      emulator.finops.customers
        .list()
        .map((row) => row.CustomerAccount)
        .sort(),
    ).toEqual(['A-1', 'A-2', 'C-1', 'D-1']);
    expect(emulator.requestCounts().finops.faults?.changesetFailure).toBe(1);
  });

  it('fails a Dataverse change set with 400 when asked, and skips requests that are not batches', async () => {
    const { emulator, sales } = await startSession(
      { sales: { accounts: [anAccount().withId('1f0c8e6a-2b4d-4c1e-8a7f-3d5b9c0e2a41').build()] } },
      {
        faults: { script: [{ fault: { changesetFailure: { status: 400 } } }] },
      },
    );
    expect((await sales('accounts')).status).toBe(200);
    const body = batchBody('b', [
      changeset('c1', [
        httpPart(['POST accounts HTTP/1.1', 'Content-Type: application/json'], { body: { name: 'New' } }),
        httpPart(['DELETE accounts(1f0c8e6a-2b4d-4c1e-8a7f-3d5b9c0e2a41) HTTP/1.1']),
      ]),
    ]);
    const response = await sales('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b' },
      body,
    });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts.map((part) => part.status)).toEqual([400]);
    expect(JSON.parse(parts[0]?.body ?? '{}')).toMatchObject({ error: { code: '0x80040265' } });
    expect(emulator.sales.accounts.list().map((row) => row.accountid)).toEqual([
      '1f0c8e6a-2b4d-4c1e-8a7f-3d5b9c0e2a41',
    ]);
  });

  it('delays a request by slowMs and then answers it', async () => {
    const { sales } = await startSession(undefined, { faults: { script: [{ fault: { slowMs: 40 } }] } });
    const started = performance.now();
    expect((await sales('accounts')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('is configured through the admin API', async () => {
    const emulator = new Emulator();
    const admin = (method: string, body?: unknown) =>
      emulator.handle(
        new Request(`${ADMIN}faults`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
      );
    const put = await admin('PUT', { seed: 7, script: [{ fault: 'reset', times: 3 }] });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ options: { seed: 7 }, scriptRemaining: 3, heldRequests: 0 });
    const invalid = await admin('PUT', { rates: { status503: 0.8, status500: 0.5 } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ problems: ['rates: the rates add up to more than 1'] });
    const wrongFault = await admin('PUT', { script: [{ fault: 'explode' }] });
    expect(((await wrongFault.json()) as { problems: string[] }).problems[0]).toMatch(/^script\[0\]\.fault/);
    expect(await (await admin('DELETE')).json()).toEqual({ options: null, scriptRemaining: 0, heldRequests: 0 });
  });
});

describe('fault injection by seeded rate', () => {
  const rates: FaultOptions = { seed: 42, rates: { status503: 0.2, status500: 0.1, slowMs: { rate: 0.1, ms: 0 } } };

  async function statuses(options: FaultOptions): Promise<number[]> {
    const { sales } = await startSession(undefined, { faults: options });
    const seen: number[] = [];
    for (let index = 0; index < 60; index += 1) seen.push((await sales('accounts')).status);
    return seen;
  }

  it('gives the same faults for the same seed and a different sequence for another seed', async () => {
    const first = await statuses(rates);
    expect(await statuses(rates)).toEqual(first);
    expect(first.filter((status) => status === 503).length).toBeGreaterThan(4);
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(1);
    expect(first.filter((status) => status === 200).length).toBeGreaterThan(30);
    expect(await statuses({ ...rates, seed: 43 })).not.toEqual(first);
  });

  it('applies rates only to the services named, and a changeset-failure rate only to batches', async () => {
    const { emulator, sales, finops } = await startSession(finopsSeed(), {
      faults: { rates: { status503: 1 }, services: ['finops'] },
    });
    expect((await sales('accounts')).status).toBe(200);
    expect((await finops('CustomersV3')).status).toBe(503);
    emulator.setFaults({ rates: { changesetFailure: 1 } });
    expect((await sales('accounts')).status).toBe(200);
    expect(emulator.requestCounts().sales.faults?.changesetFailure).toBe(0);
  });
});
