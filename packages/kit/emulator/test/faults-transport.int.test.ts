import { request } from 'node:https';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_URLS, Emulator, emulatorHandlers, startEmulatorServer, type EmulatorServer } from '../src/index.js';
import { issueToken } from './support/session.js';

const emulator = new Emulator();
const msw = setupServer(...emulatorHandlers(emulator));
let server: EmulatorServer;

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'bypass' });
  server = await startEmulatorServer({ faults: { script: [] } });
});

afterAll(async () => {
  msw.close();
  await server.close();
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt += 1)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('connection faults through msw', () => {
  it("turns 'reset' into a network error and 'reset-after' into one after the write", async () => {
    const token = await issueToken(emulator);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    emulator.setFaults({ script: [{ fault: 'reset' }, { fault: 'reset-after' }] });
    const url = `${DEFAULT_URLS.salesUrl}/api/data/v9.2/accounts`;
    await expect(fetch(url, { method: 'POST', headers, body: JSON.stringify({ name: 'Lost' }) })).rejects.toThrow(
      TypeError,
    );
    await expect(fetch(url, { method: 'POST', headers, body: JSON.stringify({ name: 'Kept' }) })).rejects.toThrow(
      TypeError,
    );
    expect(emulator.sales.accounts.list().map((row) => row.name)).toEqual(['Kept']);
    expect(emulator.requestCounts().sales.faults).toMatchObject({ reset: 1, resetAfter: 1 });
  });

  it("holds a 'timeout' request until the client gives up", async () => {
    const token = await issueToken(emulator);
    emulator.setFaults({ script: [{ fault: 'timeout' }] });
    const answer = fetch(`${DEFAULT_URLS.salesUrl}/api/data/v9.2/accounts`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(50),
    });
    await expect(answer).rejects.toThrow(/abort|timeout/i);
    await waitFor(() => emulator.settings().faults.heldRequests === 0);
    expect(emulator.settings().faults.heldRequests).toBe(0);
  });
});

interface Outcome {
  readonly status?: number;
  readonly error?: string;
}

function send(
  path: string,
  options: { method?: string; token?: string; body?: string; timeoutMs?: number } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const outgoing = request(
      `${server.url}${path}`,
      {
        method: options.method ?? 'GET',
        ca: server.caPem,
        headers: {
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          ...(options.body ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0 }));
      },
    );
    if (options.timeoutMs) outgoing.setTimeout(options.timeoutMs, () => outgoing.destroy(new Error('client timeout')));
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    outgoing.end(options.body);
  });
}

describe('connection faults on the standalone server', () => {
  it("destroys the socket for 'reset' and serves the next request normally", async () => {
    // Any token the emulator issued serves every audience.
    const bearer = await issueToken(server.emulator);
    server.emulator.setFaults({ script: [{ fault: 'reset' }] });
    expect(await send('/api/data/v9.2/accounts', { token: bearer })).toEqual({ error: 'ECONNRESET' });
    expect(await send('/api/data/v9.2/accounts', { token: bearer })).toEqual({ status: 200 });
  });

  it("holds the socket for 'timeout' until the client gives up", async () => {
    // Any token the emulator issued serves every audience.
    const bearer = await issueToken(server.emulator);
    server.emulator.setFaults({ script: [{ fault: 'timeout' }] });
    expect(await send('/api/data/v9.2/accounts', { token: bearer, timeoutMs: 60 })).toEqual({
      error: 'client timeout',
    });
    await waitFor(() => server.emulator.settings().faults.heldRequests === 0);
    expect(server.emulator.settings().faults.heldRequests).toBe(0);
    expect(server.emulator.requestCounts().sales.faults?.timeout).toBe(1);
  });
});
