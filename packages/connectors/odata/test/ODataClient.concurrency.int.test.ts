import { ConfigError } from '@p2c/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ODataClient } from '../src/client/ODataClient.js';
import type { ODataClientOptions } from '../src/client/ODataClientOptions.js';
import { DATAVERSE, FINOPS, staticToken, testClient } from './support/clientHarness.js';
import { settle } from './support/manualClock.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const throttled = (retryAfter: string) =>
  HttpResponse.json(
    {
      error: {
        code: '0x80072321',
        message:
          'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds.',
      },
    },
    { status: 429, headers: { 'Retry-After': retryAfter } },
  );

/**
 * A service that, like Dataverse's concurrency limit, answers 429 to any request arriving while
 * `allowed` others are being served, and serves the rest after a short pause. Records how many
 * requests were in progress when each one arrived.
 */
function concurrencyLimitedService(url: string, allowed: number, serveMs = 4) {
  const state = { inProgress: 0, calls: 0, throttled: 0, arrivals: [] as number[] };
  server.use(
    http.get(url, async () => {
      state.calls += 1;
      state.inProgress += 1;
      state.arrivals.push(state.inProgress);
      try {
        if (state.inProgress > allowed) {
          state.throttled += 1;
          return throttled('1');
        }
        await pause(serveMs);
        return HttpResponse.json({ value: [] });
      } finally {
        state.inProgress -= 1;
      }
    }),
  );
  return state;
}

describe('adaptive concurrency', () => {
  it('never has more requests out than the limit', async () => {
    const { client } = testClient({ concurrency: { initial: 2, max: 2 } });
    const state = concurrencyLimitedService(`${DATAVERSE}/accounts`, 99);
    await Promise.all(Array.from({ length: 10 }, () => client.get('accounts')));
    expect(state.calls).toBe(10);
    expect(Math.max(...state.arrivals)).toBe(2);
    expect(client.stats()).toEqual({ requests: 10, retries: 0, throttled: 0, concurrency: 2, inFlight: 0 });
  });

  it('backs off when the service throttles concurrent requests, and every request still succeeds', async () => {
    // Requests the client has out (its own count) each time it sends one.
    const outAtSend: number[] = [];
    const holder: { client?: ODataClient } = {};
    const { client, sleeps } = testClient({
      concurrency: { initial: 8, max: 16 },
      retry: { maxAttempts: 10 },
      // Real time: the waits are instant, so a hold must outlive them for the burst to share one.
      now: () => Date.now(),
      fetch: (input, init) => {
        outAtSend.push(holder.client?.stats().inFlight ?? -1);
        return globalThis.fetch(input, init);
      },
    });
    holder.client = client;
    const state = concurrencyLimitedService(`${DATAVERSE}/accounts`, 3);

    const results = await Promise.all(Array.from({ length: 60 }, () => client.get('accounts')));

    expect(results).toHaveLength(60);
    expect(results.every((body) => JSON.stringify(body) === '{"value":[]}')).toBe(true);
    // The opening burst of 8 met the service's limit of 3...
    expect(outAtSend.slice(0, 8)).toEqual([8, 8, 8, 8, 8, 8, 8, 8]);
    expect(state.arrivals.slice(0, 8).filter((concurrent) => concurrent > 3)).toHaveLength(5);
    // ...after which the client never again had more than half of that out at once: the burst's
    // five 429s cost one halving (8 -> 4), not five (8 -> 1).
    expect(outAtSend.length).toBeGreaterThan(60);
    expect(Math.max(...outAtSend.slice(8))).toBe(4);
    expect(outAtSend[8]).toBe(4);
    // Probing for the limit costs some 429s (AIMD keeps probing), but attempts stay bounded; a
    // client stuck at 8 would see most of its requests refused and give up on some.
    expect(state.throttled).toBeGreaterThanOrEqual(5);
    expect(state.calls).toBeLessThanOrEqual(60 + 30);
    const stats = client.stats();
    expect(stats).toMatchObject({
      requests: state.calls,
      throttled: state.throttled,
      retries: state.throttled,
      inFlight: 0,
    });
    expect(stats.concurrency).toBeLessThanOrEqual(4);
    // Every wait was the service's Retry-After (1 s), slept once per hold, not once per request.
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.length).toBeLessThan(state.throttled);
    for (const ms of sleeps) {
      expect(ms).toBeGreaterThan(500); // the rest of the second, less the time the test itself took
      expect(ms).toBeLessThanOrEqual(1000);
    }
  });

  it('holds every request of the client, not only the throttled one, until the Retry-After has passed', async () => {
    const wakes: (() => void)[] = [];
    const sleeps: number[] = [];
    const client = new ODataClient({
      serviceUrl: DATAVERSE,
      tokenProvider: staticToken(),
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => wakes.push(resolve));
      },
    });
    const seen: string[] = [];
    let first = true;
    server.use(
      http.get(`${DATAVERSE}/:set`, ({ params }) => {
        seen.push(String(params['set']));
        if (first) {
          first = false;
          return throttled('5');
        }
        return HttpResponse.json({ value: [] });
      }),
    );

    const accounts = client.get('accounts');
    while (sleeps.length === 0) await settle();
    const contacts = client.get('contacts');
    const pages = client.pages('leads')[Symbol.asyncIterator]().next();
    await pause(20);
    expect(seen).toEqual(['accounts']);
    expect(client.stats()).toMatchObject({ requests: 1, throttled: 1, concurrency: 2, inFlight: 0 });
    // One hold for the whole client, as long as the service asked.
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(4900);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);

    wakes.shift()?.();
    await Promise.all([accounts, contacts, pages]);
    expect(seen.slice(1).sort()).toEqual(['accounts', 'contacts', 'leads']);
    expect(client.stats()).toMatchObject({ requests: 4, retries: 1, throttled: 1 });
  });

  it('queues page fetches and $batch posts with other requests under the same limit', async () => {
    const { client } = testClient({ serviceUrl: FINOPS, concurrency: { initial: 1, max: 1 } });
    let inProgress = 0;
    let most = 0;
    const serve = async (response: () => Response) => {
      inProgress += 1;
      most = Math.max(most, inProgress);
      await pause(3);
      inProgress -= 1;
      return response();
    };
    server.use(
      http.get(`${FINOPS}/CustomersV3`, ({ request }) =>
        serve(() =>
          new URL(request.url).searchParams.has('page')
            ? HttpResponse.json({ value: [{}] })
            : HttpResponse.json({ value: [{}], '@odata.nextLink': `${FINOPS}/CustomersV3?page=2` }),
        ),
      ),
      http.post(`${FINOPS}/$batch`, () =>
        serve(
          () =>
            new HttpResponse(
              '--b\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--b--\r\n',
              {
                headers: { 'Content-Type': 'multipart/mixed; boundary=b' },
              },
            ),
        ),
      ),
    );
    const readAll = async () => {
      let rows = 0;
      for await (const page of client.pages('CustomersV3')) rows += page.value.length;
      return rows;
    };
    const [rows, results] = await Promise.all([
      readAll(),
      client.batch([{ method: 'DELETE', url: 'CustomersV3(1)' }]),
      client.get('CustomersV3?page=2'),
    ]);
    expect(rows).toBe(2);
    expect(results).toMatchObject([{ status: 204 }]);
    expect(most).toBe(1);
    expect(client.stats()).toMatchObject({ requests: 4, inFlight: 0 });
  });

  it('refuses inconsistent concurrency settings at construction, naming the field', () => {
    const tokenProvider = staticToken();
    const refused = (concurrency: ODataClientOptions['concurrency']) => {
      try {
        new ODataClient({ serviceUrl: DATAVERSE, tokenProvider, concurrency });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refused({ initial: 32, max: 16 })).toBeInstanceOf(ConfigError);
    expect(refused({ initial: 32, max: 16 })).toMatchObject({
      message: 'concurrency.initial (32) must lie between concurrency.min (1) and concurrency.max (16)',
    });
    expect(() => new ODataClient({ serviceUrl: DATAVERSE, tokenProvider, concurrency: { max: 0 } })).toThrow(
      /concurrency\.max/,
    );
    expect(new ODataClient({ serviceUrl: DATAVERSE, tokenProvider }).stats()).toEqual({
      requests: 0,
      retries: 0,
      throttled: 0,
      concurrency: 4,
      inFlight: 0,
    });
  });
});

describe('retries under the limiter', () => {
  it('never retries a 400 and does not count it against the limit', async () => {
    let calls = 0;
    server.use(
      http.patch(`${DATAVERSE}/accounts`, () => {
        calls += 1;
        return HttpResponse.json({ error: { code: '0x80040203', message: 'Invalid property' } }, { status: 400 });
      }),
    );
    const { client, sleeps } = testClient({ concurrency: { initial: 2, max: 8 } });
    for (let i = 0; i < 3; i += 1)
      await expect(client.patch('accounts', {})).rejects.toMatchObject({ kind: 'record', status: 400 });
    expect(calls).toBe(3);
    expect(sleeps).toEqual([]);
    // The service answered: that is no sign of overload, so the limit ramps as on success.
    expect(client.stats()).toEqual({ requests: 3, retries: 0, throttled: 0, concurrency: 3, inFlight: 0 });
  });

  it('backs off a 502 with jitter within maxDelayMs, holding no slot and leaving the limit alone', async () => {
    let calls = 0;
    server.use(
      http.get(`${DATAVERSE}/accounts`, () => {
        calls += 1;
        return calls < 5 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json({ value: [] });
      }),
    );
    const inFlightWhileSleeping: number[] = [];
    const holder: { client?: ODataClient } = {};
    const { client, sleeps } = testClient({
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 250 },
      random: () => 0.999,
      sleep: async () => {
        inFlightWhileSleeping.push(holder.client?.stats().inFlight ?? -1);
      },
    });
    holder.client = client;
    await expect(client.get('accounts')).resolves.toEqual({ value: [] });
    expect(sleeps).toEqual([]);
    expect(inFlightWhileSleeping).toEqual([0, 0, 0, 0]);
    expect(client.stats()).toEqual({ requests: 5, retries: 4, throttled: 0, concurrency: 4, inFlight: 0 });
  });

  it('gives up on a request throttled maxAttempts times, having halved the limit once per hold', async () => {
    let calls = 0;
    server.use(
      http.post(`${DATAVERSE}/$batch`, () => {
        calls += 1;
        return throttled('2');
      }),
    );
    const { client, sleeps } = testClient({ concurrency: { initial: 16, max: 16 }, retry: { maxAttempts: 3 } });
    const error = await client.batch([{ method: 'DELETE', url: 'accounts(1)' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', status: 429, retryAfterSeconds: 2 });
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(client.stats()).toEqual({ requests: 3, retries: 2, throttled: 3, concurrency: 2, inFlight: 0 });
  });
});
