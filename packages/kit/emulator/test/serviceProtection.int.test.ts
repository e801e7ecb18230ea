import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator, type EmulatorLimits } from '../src/index.js';
import { aCustomer } from './support/builders.js';
import { batchBody, httpPart } from './support/multipart.js';
import { caller, issueToken, SALES_ROOT, startSession } from './support/session.js';

const ADMIN = `${DEFAULT_URLS.salesUrl}/_emulator/`;
const OTHER_CLIENT = { clientId: '0b7c9e2a-4d6f-4e1a-8c3b-5a2d7f9e1c40', clientSecret: 'second-app-secret' };

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

function session(limits: EmulatorLimits) {
  return startSession(
    {
      auth: {
        clients: [
          { clientId: DEFAULT_CREDENTIALS.clientId, clientSecret: DEFAULT_CREDENTIALS.clientSecret },
          OTHER_CLIENT,
        ],
      },
      finops: { customerGroups: ['10'], customers: [aCustomer('C-1').build()] },
    },
    { limits },
  );
}

describe('service protection', () => {
  it('is off unless configured, and then counts throttled responses', async () => {
    const { emulator, sales } = await startSession();
    for (let index = 0; index < 20; index += 1) expect((await sales('accounts')).status).toBe(200);
    expect(emulator.requestCounts().sales).not.toHaveProperty('throttled');
    emulator.setLimits({ sales: { maxRequests: 1 } });
    await sales('accounts');
    await sales('accounts');
    expect(emulator.requestCounts().sales.throttled).toBe(1);
  });

  it('refuses requests over the limit with 429, Retry-After and the Dataverse error, doubling the wait while the client keeps sending', async () => {
    const { emulator, clock, sales } = await session({ sales: { maxRequests: 3, windowSeconds: 10 } });
    for (let index = 0; index < 3; index += 1) expect((await sales('accounts')).status).toBe(200);

    const throttled = await sales('accounts');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('10');
    expect(await errorOf(throttled)).toEqual({
      code: '0x80072322',
      message: 'Number of requests exceeded the limit of 3 over time window of 10 seconds.',
    });
    const again = [await sales('accounts'), await sales('accounts')].map((response) =>
      response.headers.get('Retry-After'),
    );
    expect(again).toEqual(['20', '40']);
    expect(emulator.requestCounts().sales.throttled).toBe(3);

    clock.advance(39);
    expect((await sales('accounts')).headers.get('Retry-After')).toBe('80');
    clock.advance(80);
    expect((await sales('accounts')).status).toBe(200);
  });

  it('caps the growing Retry-After', async () => {
    const { sales } = await session({ sales: { maxRequests: 1, windowSeconds: 10, maxRetryAfterSeconds: 30 } });
    await sales('accounts');
    const waits: (string | null)[] = [];
    for (let index = 0; index < 4; index += 1) waits.push((await sales('accounts')).headers.get('Retry-After'));
    expect(waits).toEqual(['10', '20', '30', '30']);
  });

  it('lets a client that waits as told through once the window has slid', async () => {
    const { clock, sales } = await session({ sales: { maxRequests: 2 } });
    await sales('accounts');
    clock.advance(100);
    await sales('accounts');
    clock.advance(50);
    const throttled = await sales('accounts');
    expect(throttled.status).toBe(429);
    // The first request leaves the 300 s window at t = 300, 150 s from now.
    expect(throttled.headers.get('Retry-After')).toBe('150');
    clock.advance(150);
    expect((await sales('accounts')).status).toBe(200);
    // The window now holds t = 100 and t = 300: full until t = 400.
    const next = await sales('accounts');
    expect(next.status).toBe(429);
    expect(next.headers.get('Retry-After')).toBe('100');
  });

  it('limits each user (app id) and each service on its own', async () => {
    const { emulator, sales, finops } = await session({ sales: { maxRequests: 1 }, finops: { maxRequests: 1 } });
    const other = caller(emulator, SALES_ROOT, await issueToken(emulator, undefined, OTHER_CLIENT));
    expect((await sales('accounts')).status).toBe(200);
    expect((await sales('accounts')).status).toBe(429);
    expect((await other('accounts')).status).toBe(200);
    expect((await finops('CustomersV3')).status).toBe(200);
    const throttled = await finops('CustomersV3');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('300');
    expect(await errorOf(throttled)).toEqual({
      code: 'TooManyRequests',
      message: 'Number of requests exceeded the limit of 1 over time window of 300 seconds.',
    });
    expect(emulator.requestCounts().finops.throttled).toBe(1);
  });

  it('counts a $batch as one request', async () => {
    const { sales } = await session({ sales: { maxRequests: 2 } });
    const body = batchBody('b', [
      httpPart(['GET accounts HTTP/1.1']),
      httpPart(['GET accounts HTTP/1.1']),
      httpPart(['GET accounts HTTP/1.1']),
    ]);
    const batch = await sales('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b' },
      body,
    });
    expect(batch.status).toBe(200);
    expect((await sales('accounts')).status).toBe(200);
    expect((await sales('accounts')).status).toBe(429);
  });

  it('limits the combined execution time, with simulated costs per request and per batch operation', async () => {
    const { clock, sales } = await session({ sales: { maxExecutionSeconds: 3, costMsPerRequest: 1000 } });
    for (let index = 0; index < 3; index += 1) expect((await sales('accounts')).status).toBe(200);
    const throttled = await sales('accounts');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('Retry-After')).toBe('300');
    expect(await errorOf(throttled)).toEqual({
      code: '0x80072321',
      message:
        'Combined execution time of incoming requests exceeded limit of 3,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
    });
    clock.advance(300);
    expect((await sales('accounts')).status).toBe(200);

    const batches = await session({ sales: { maxExecutionSeconds: 3, costMsPerOperation: 1000 } });
    const body = batchBody('b', [httpPart(['GET accounts HTTP/1.1']), httpPart(['GET accounts HTTP/1.1'])]);
    const send = () =>
      batches.sales('$batch', { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const over = await send();
    expect(over.status).toBe(429);
    expect((await errorOf(over)).code).toBe('0x80072321');
  });

  it('measures the handler time when no cost is configured', async () => {
    const { emulator, sales } = await session({ sales: { maxExecutionSeconds: 0.03 } });
    // A 40 ms delay counts as execution time, so the next request is over the 30 ms limit.
    emulator.setFaults({ script: [{ fault: { slowMs: 40 } }] });
    expect((await sales('accounts')).status).toBe(200);
    const over = await sales('accounts');
    expect(over.status).toBe(429);
    expect((await errorOf(over)).code).toBe('0x80072321');
  });

  it('refuses requests beyond the concurrency limit and frees the slot when a request ends', async () => {
    const { emulator, sales } = await session({ sales: { maxConcurrent: 2 } });
    emulator.setFaults({ script: [{ match: { service: 'sales' }, fault: 'timeout', times: 2 }] });
    const held = [sales('accounts'), sales('accounts')];
    const refused = await sales('accounts');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await errorOf(refused)).toEqual({
      code: '0x80072326',
      message: 'Number of concurrent requests exceeded the limit of 2.',
    });
    emulator.setFaults(undefined);
    expect((await Promise.all(held)).map((response) => response.type)).toEqual(['error', 'error']);
    expect((await sales('accounts')).status).toBe(200);
  });

  it('is configured through the admin API, which names a bad field', async () => {
    const emulator = new Emulator();
    const admin = (method: string, body?: unknown) =>
      emulator.handle(
        new Request(`${ADMIN}limits`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
      );
    expect(await (await admin('GET')).json()).toEqual({ sales: null, finops: null });
    const put = await admin('PUT', { finops: { maxRequests: 100 } });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({
      sales: null,
      finops: {
        windowSeconds: 300,
        maxRequests: 100,
        maxExecutionSeconds: 1200,
        maxConcurrent: 52,
        maxRetryAfterSeconds: 300,
      },
    });
    const invalid = await admin('PUT', { sales: { maxRequests: 'many' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ problems: ['sales.maxRequests: expected number, received string'] });
    const unknown = await admin('PUT', { crm: {} });
    expect(((await unknown.json()) as { problems: string[] }).problems[0]).toMatch(/crm/);
    expect(await (await admin('DELETE')).json()).toEqual({ sales: null, finops: null });
    expect(() => new Emulator(undefined, { limits: { sales: { windowSeconds: -1 } } })).toThrow(/sales\.windowSeconds/);
  });

  it('leaves the token endpoint and the admin API alone', async () => {
    const { emulator, sales } = await session({ sales: { maxRequests: 1 } });
    await sales('accounts');
    expect((await sales('accounts')).status).toBe(429);
    await issueToken(emulator);
    expect((await emulator.handle(new Request(`${ADMIN}health`))).status).toBe(200);
  });
});
