import { FatalError, TransientError } from '@p2c/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ODataError } from '../src/errors/ODataError.js';
import { DATAVERSE, FINOPS, TOKEN, testClient } from './support/clientHarness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers with each scripted response in turn, then the last one forever; counts calls. */
function scripted(method: 'get' | 'post' | 'patch', url: string, script: (() => Response)[]) {
  const state = { calls: 0 };
  server.use(
    http[method](url, () => {
      const respond = script[Math.min(state.calls, script.length - 1)];
      state.calls += 1;
      if (respond === undefined) throw new Error('empty script');
      return respond();
    }),
  );
  return state;
}

const ok = () => HttpResponse.json({ value: [] });
const throttled = (retryAfter: string) =>
  HttpResponse.json(
    {
      error: {
        code: '0x80072322',
        message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
      },
    },
    { status: 429, headers: { 'Retry-After': retryAfter } },
  );

describe('retries', () => {
  it("waits the 429's Retry-After seconds, then succeeds", async () => {
    const state = scripted('get', `${DATAVERSE}/accounts`, [() => throttled('7'), ok]);
    const { client, sleeps } = testClient();
    await expect(client.get('accounts')).resolves.toEqual({ value: [] });
    expect(state.calls).toBe(2);
    expect(sleeps).toEqual([7000]);
  });

  it("honours a 503's Retry-After given as an HTTP date", async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const state = scripted('get', `${DATAVERSE}/accounts`, [
      () => new HttpResponse('Service Unavailable', { status: 503, headers: { 'Retry-After': at } }),
      ok,
    ]);
    const { client, sleeps } = testClient();
    await client.get('accounts');
    expect(state.calls).toBe(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(19_000);
    expect(sleeps[0]).toBeLessThanOrEqual(21_000);
  });

  it('backs off exponentially with jitter and gives up after maxAttempts', async () => {
    const state = scripted('get', `${DATAVERSE}/accounts`, [
      () => new HttpResponse(null, { status: 502, statusText: 'Bad Gateway' }),
    ]);
    const { client, sleeps } = testClient({ retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 } });
    const error = await client.get('accounts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ODataError);
    expect(error).toMatchObject({ kind: 'transient', status: 502, message: 'HTTP 502 Bad Gateway' });
    expect(state.calls).toBe(4);
    // random() is 0.5: half of min(300, 100 * 2^(n-1)).
    expect(sleeps).toEqual([50, 100, 150]);
  });

  it('uses 5 attempts by default', async () => {
    const state = scripted('get', `${DATAVERSE}/accounts`, [() => new HttpResponse(null, { status: 500 })]);
    const { client, sleeps } = testClient();
    await expect(client.get('accounts')).rejects.toMatchObject({ kind: 'transient' });
    expect(state.calls).toBe(5);
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
  });

  it.each([400, 404, 409, 412, 422])('never retries a %i (record error)', async (status) => {
    const state = scripted('patch', `${DATAVERSE}/accounts`, [
      () => HttpResponse.json({ error: { code: '0x80040237', message: 'nope' } }, { status }),
    ]);
    const { client, sleeps } = testClient();
    await expect(client.patch('accounts', {})).rejects.toMatchObject({ kind: 'record', status });
    expect(state.calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it.each([401, 403])('never retries a %i (fatal error)', async (status) => {
    const state = scripted('get', `${DATAVERSE}/accounts`, [() => new HttpResponse(null, { status })]);
    const { client, sleeps } = testClient();
    await expect(client.get('accounts')).rejects.toMatchObject({ kind: 'fatal', status });
    expect(state.calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a POST on 429 and 503, where the service did nothing', async () => {
    const state = scripted('post', `${FINOPS}/CustomersV3`, [
      () => throttled('2'),
      () => new HttpResponse(null, { status: 503 }),
      () => HttpResponse.json({ CustomerAccount: 'US-001' }, { status: 201 }),
    ]);
    const { client, sleeps } = testClient({ serviceUrl: FINOPS });
    const response = await client.post('CustomersV3', { CustomerAccount: 'US-001' });
    expect(response.status).toBe(201);
    expect(state.calls).toBe(3);
    expect(sleeps).toEqual([2000, 500]);
  });

  it('does not retry a POST answered 500 or cut off, which may have created the record', async () => {
    const failed = scripted('post', `${FINOPS}/CustomersV3`, [() => new HttpResponse(null, { status: 500 })]);
    const { client } = testClient({ serviceUrl: FINOPS });
    await expect(client.post('CustomersV3', {})).rejects.toMatchObject({ kind: 'transient', status: 500 });
    expect(failed.calls).toBe(1);

    const cut = scripted('post', `${FINOPS}/CustomersV3`, [() => HttpResponse.error()]);
    await expect(client.post('CustomersV3', {})).rejects.toMatchObject({
      kind: 'transient',
      code: 'NETWORK_ERROR',
      status: 0,
    });
    expect(cut.calls).toBe(1);
  });

  it('retries a GET after a network error', async () => {
    const state = scripted('get', `${DATAVERSE}/accounts`, [() => HttpResponse.error(), ok]);
    const { client, sleeps } = testClient();
    await expect(client.get('accounts')).resolves.toEqual({ value: [] });
    expect(state.calls).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('retries a POST whose connection was refused (never sent)', async () => {
    let calls = 0;
    const refused = async () => {
      calls += 1;
      if (calls === 1)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        });
      return Response.json({}, { status: 201 });
    };
    const { client } = testClient({ fetch: refused });
    await expect(client.post('accounts', {})).resolves.toMatchObject({ status: 201 });
    expect(calls).toBe(2);
  });

  it('times out a request that gets no answer, as a transient error', async () => {
    let calls = 0;
    const hanging = (_input: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        calls += 1;
        // As fetch does: reject with the signal's reason (AbortSignal.timeout's TimeoutError).
        init?.signal?.addEventListener('abort', () => {
          const reason: unknown = init.signal?.reason;
          reject(reason instanceof Error ? reason : new Error('aborted', { cause: reason }));
        });
      });
    const { client } = testClient({ fetch: hanging, timeoutMs: 20, retry: { maxAttempts: 2 } });
    const error = await client.get('accounts').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', code: 'NETWORK_TIMEOUT' });
    expect((error as Error).message).toContain('no answer within 20 ms');
    expect(calls).toBe(2);
  });

  it('retries a transient token failure, but not a fatal one', async () => {
    server.use(http.get(`${DATAVERSE}/accounts`, ok));
    let asked = 0;
    const flaky = {
      getToken: async () => {
        asked += 1;
        if (asked === 1) throw new TransientError('authority busy', { code: 'ENTRA_UNAVAILABLE' });
        return TOKEN;
      },
    };
    await expect(testClient({ tokenProvider: flaky }).client.get('accounts')).resolves.toEqual({ value: [] });
    expect(asked).toBe(2);

    let refused = 0;
    const wrong = {
      getToken: async () => {
        refused += 1;
        throw new FatalError('invalid_client', { code: 'ENTRA_AUTH_FAILED' });
      },
    };
    await expect(testClient({ tokenProvider: wrong }).client.get('accounts')).rejects.toBeInstanceOf(FatalError);
    expect(refused).toBe(1);
  });

  it('wraps an unexpected token failure as fatal, without its message', async () => {
    const broken = { getToken: async () => Promise.reject(new Error('secret=hunter2hunter2')) };
    const error = await testClient({ tokenProvider: broken })
      .client.get('accounts')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('errors carry no token', () => {
  it('redacts the bearer token even when the service echoes it', async () => {
    server.use(
      http.get(`${DATAVERSE}/accounts`, ({ request }) =>
        HttpResponse.json(
          {
            error: {
              code: '0x80040220',
              message: `Principal user is missing privileges; header was ${request.headers.get('authorization')}`,
            },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await testClient()
      .client.get('accounts')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'fatal', status: 403 });
    expect(String(error)).not.toContain(TOKEN);
    expect((error as Error).message).toBe('Principal user is missing privileges; header was Bearer [redacted]');
  });
});
