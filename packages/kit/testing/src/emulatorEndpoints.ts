import { DEFAULT_URLS, type Emulator, type EmulatorServer } from '@p2c/emulator';

/** Where a harness's clients (or a CLI the test spawns) reach the emulator. */
export interface EmulatorEndpoints {
  readonly over: 'msw' | 'https';
  readonly salesUrl: string;
  readonly finopsUrl: string;
  /** The Entra ID authority host (`authorityHost` in a p2c config). */
  readonly loginUrl: string;
  /** Over HTTPS: the certificate to trust (`ca`). */
  readonly caPem?: string;
}

const served = new WeakMap<Emulator, EmulatorServer>();

/** Notes that an emulator is served over HTTPS by this server (so harnesses on it use HTTP). */
export function registerServer(emulator: Emulator, server: EmulatorServer | undefined): void {
  if (server) served.set(emulator, server);
  else served.delete(emulator);
}

export function endpointsOf(emulator: Emulator): EmulatorEndpoints {
  const server = served.get(emulator);
  if (!server)
    return {
      over: 'msw',
      salesUrl: DEFAULT_URLS.salesUrl,
      finopsUrl: DEFAULT_URLS.finopsUrl,
      loginUrl: DEFAULT_URLS.loginUrl,
    };
  return serverEndpoints(server);
}

/** One origin serves every service, the token endpoint included. */
export function serverEndpoints(server: EmulatorServer): EmulatorEndpoints {
  return { over: 'https', salesUrl: server.url, finopsUrl: server.url, loginUrl: server.url, caPem: server.caPem };
}
