import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startP2cEmulator } from './support/spawnP2c.js';

/**
 * `p2c emulator --host`: beyond loopback the admin API asks for the token printed at start.
 * The server may listen on every interface, but the test only ever connects to 127.0.0.1.
 */
interface Answer {
  readonly status: number;
  readonly body: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    // The emulator's own self-signed certificate; nothing but 127.0.0.1 is ever contacted.
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, rejectUnauthorized: false },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function startedEmulator(args: string[]) {
  const emulator = startP2cEmulator(['--port', '0', ...args], { cwd: dir, env: process.env });
  running = emulator;
  const url = await emulator.url;
  for (let waited = 0; !emulator.stderr().includes('Stop it with Ctrl-C') && waited < 200; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url, stderr: emulator.stderr() };
}

let dir = '';
let running: ReturnType<typeof startP2cEmulator> | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('p2c emulator --host', () => {
  it('on 0.0.0.0: names the address it listens on, warns, and guards the admin API with the printed token', async () => {
    dir = mkdtempSync(join(tmpdir(), 'p2c-emulator-host-'));
    const { url, stderr } = await startedEmulator(['--host', '0.0.0.0']);
    const port = /:(\d+)$/.exec(url)?.[1];
    expect(url).toBe(`https://127.0.0.1:${port}`);
    expect(stderr).toContain(`listening on 0.0.0.0:${port}`);
    expect(stderr).toMatch(/WARNING: the emulator listens on 0\.0\.0\.0:\d+, not on loopback/);
    const token = /Admin token: (\S+)/.exec(stderr)?.[1];
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const seed = JSON.stringify({ sales: { accounts: [{ name: 'Intruder', accountnumber: 'ACC-EVIL' }] } });
    const refused = await send(`${url}/_emulator/reset`, { method: 'POST', body: seed });
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('admin token');
    expect((await send(`${url}/_emulator/sales/accounts`)).status).toBe(401);
    const wrong = await send(`${url}/_emulator/reset`, {
      method: 'POST',
      body: seed,
      headers: { Authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);

    const auth = { Authorization: `Bearer ${token}` };
    expect((await send(`${url}/_emulator/reset`, { method: 'POST', body: seed, headers: auth })).status).toBe(200);
    const accounts = await send(`${url}/_emulator/sales/accounts`, { headers: auth });
    expect(JSON.parse(accounts.body)).toMatchObject([{ accountnumber: 'ACC-EVIL' }]);
    // The certificate stays open: a client needs it before it can trust the server.
    expect((await send(`${url}/_emulator/ca.pem`)).body).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('on loopback (the default): no warning, no token, the admin API open as before', async () => {
    dir = mkdtempSync(join(tmpdir(), 'p2c-emulator-host-'));
    const { url, stderr } = await startedEmulator([]);
    expect(stderr).toMatch(/listening on 127\.0\.0\.1:\d+/);
    expect(stderr).not.toContain('WARNING');
    expect(stderr).not.toContain('Admin token');
    expect((await send(`${url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
  });
});
