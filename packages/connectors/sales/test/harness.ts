import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator, emulatorHandlers, type DataverseAccount } from '@p2c/emulator';
import { ODataClient, createEntraTokenProvider } from '@p2c/odata';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** msw serving the emulator at the real services' addresses, Entra ID included. */
export const emulator = new Emulator();
const server = setupServer(...emulatorHandlers(emulator));

/** The `$batch` bodies sent to Dataverse since the last `clearSent()`. */
const batches: Promise<string>[] = [];
server.events.on('request:start', ({ request }) => {
  if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/$batch'))
    batches.push(request.clone().text());
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  batches.length = 0;
});
afterAll(() => server.close());

/** A client of the emulated Sales organization, without retries so a fault shows at once. */
export function salesClient(): ODataClient {
  const url = DEFAULT_URLS.salesUrl;
  return new ODataClient({
    serviceUrl: `${url}/api/data/v9.2`,
    tokenProvider: createEntraTokenProvider({
      tenantId: DEFAULT_CREDENTIALS.tenantId,
      clientId: DEFAULT_CREDENTIALS.clientId,
      clientSecret: DEFAULT_CREDENTIALS.clientSecret,
      scope: `${url}/.default`,
    }),
    retry: { maxAttempts: 1 },
  });
}

/** One PATCH inside a `$batch`: its decoded key segment and its condition header. */
export interface SentPatch {
  url: string;
  condition: 'If-Match' | 'If-None-Match' | null;
}

/** The PATCHes of each `$batch` sent, in order. */
export async function sentBatches(): Promise<SentPatch[][]> {
  const bodies = await Promise.all(batches);
  return bodies.map((body) => {
    const patches: SentPatch[] = [];
    for (const line of body.split(/\r?\n/)) {
      const request = /^PATCH (\S+) HTTP\/1\.1$/.exec(line);
      if (request)
        patches.push({ url: decodeURIComponent(new URL(request[1]!).pathname.split('/').at(-1)!), condition: null });
      const condition = /^(If-Match|If-None-Match):/i.exec(line);
      const last = patches.at(-1);
      if (condition && last) last.condition = condition[1]!.toLowerCase() === 'if-match' ? 'If-Match' : 'If-None-Match';
    }
    return patches;
  });
}

export function accountByNumber(accountnumber: string): DataverseAccount | undefined {
  return emulator.sales.accounts.list().find((row) => row.accountnumber === accountnumber);
}
