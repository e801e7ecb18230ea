import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, startEmulatorServer, type EmulatorServer } from '../src/index.js';
import { anAccount } from './support/builders.js';

interface Answer {
  readonly status: number;
  readonly body: string;
}

function send(
  url: string,
  options: { ca?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, ...(options.ca ? { ca: options.ca } : {}) },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

let server: EmulatorServer;

beforeAll(async () => {
  server = await startEmulatorServer({ seed: { sales: { accounts: [anAccount().numbered('ACC-TLS').build()] } } });
});

afterAll(async () => {
  await server.close();
});

describe('standalone HTTPS server', () => {
  it('listens on 127.0.0.1 with a certificate Node trusts when given caPem as ca', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await send(`${server.url}/_emulator/health`, { ca: server.caPem });
    expect(health.status).toBe(200);
    await expect(send(`${server.url}/_emulator/health`)).rejects.toThrow(/self[- ]signed|unable to verify/i);
    const localhost = await send(`${server.url.replace('127.0.0.1', 'localhost')}/_emulator/health`, {
      ca: server.caPem,
    });
    expect(localhost.status).toBe(200);
  });

  it('serves its CA certificate from the admin API', async () => {
    const pem = await send(`${server.url}/_emulator/ca.pem`, { ca: server.caPem });
    expect(pem.body).toBe(server.caPem);
    expect(pem.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('runs the token flow and a Dataverse query over the wire, with links to its own origin', async () => {
    const tokenAnswer = await send(`${server.url}/${DEFAULT_CREDENTIALS.tenantId}/oauth2/v2.0/token`, {
      ca: server.caPem,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_CREDENTIALS.clientId,
        client_secret: DEFAULT_CREDENTIALS.clientSecret,
        scope: `${server.url}/.default`,
      }).toString(),
    });
    expect(tokenAnswer.status).toBe(200);
    const { access_token: token } = JSON.parse(tokenAnswer.body) as { access_token: string };
    const accounts = await send(`${server.url}/api/data/v9.2/accounts?$select=accountnumber`, {
      ca: server.caPem,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    expect(accounts.status).toBe(200);
    expect(JSON.parse(accounts.body)).toMatchObject({
      '@odata.context': `${server.url}/api/data/v9.2/$metadata#accounts(accountnumber)`,
      value: [{ accountnumber: 'ACC-TLS' }],
    });
    const openid = await send(`${server.url}/${DEFAULT_CREDENTIALS.tenantId}/v2.0/.well-known/openid-configuration`, {
      ca: server.caPem,
    });
    expect(JSON.parse(openid.body)).toMatchObject({
      token_endpoint: `${server.url}/${DEFAULT_CREDENTIALS.tenantId}/oauth2/v2.0/token`,
    });
  });
});
