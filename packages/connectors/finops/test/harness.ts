import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator, emulatorHandlers, type EmulatorSeed } from '@p2c/emulator';
import { ODataClient, createEntraTokenProvider } from '@p2c/odata';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FinOpsConnector } from '../src/index.js';

/** msw serving the emulator at the real services' addresses, Entra ID included. */
const emulator = new Emulator();
export const server = setupServer(...emulatorHandlers(emulator));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

export const FINOPS_DATA_URL = `${DEFAULT_URLS.finopsUrl}/data`;

/** A fresh emulator holding the seed, and a connector to its F&O service (no retries). */
export function finops(seed: EmulatorSeed): FinOpsConnector {
  emulator.reset(seed);
  emulator.resetRequestCounts();
  const client = new ODataClient({
    serviceUrl: FINOPS_DATA_URL,
    tokenProvider: createEntraTokenProvider({
      tenantId: DEFAULT_CREDENTIALS.tenantId,
      clientId: DEFAULT_CREDENTIALS.clientId,
      clientSecret: DEFAULT_CREDENTIALS.clientSecret,
      scope: `${DEFAULT_URLS.finopsUrl}/.default`,
    }),
    retry: { maxAttempts: 1 },
  });
  return new FinOpsConnector(client);
}

/** F&O reads since the connector was made. */
export function finopsReads(): number {
  return emulator.requestCounts().finops.reads;
}
