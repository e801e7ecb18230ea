import {
  DEFAULT_CREDENTIALS,
  DEFAULT_URLS,
  Emulator,
  type EmulatorOptions,
  type EmulatorSeed,
} from '../../src/index.js';

export const FIXED_NOW = new Date('2026-03-01T12:00:00Z');
export const SALES_ROOT = `${DEFAULT_URLS.salesUrl}/api/data/v9.2/`;
export const FINOPS_ROOT = `${DEFAULT_URLS.finopsUrl}/data/`;

/** A movable clock, so tests can check modifiedon and token expiry. */
export class TestClock {
  #now: Date;

  constructor(start: Date = FIXED_NOW) {
    this.#now = start;
  }

  readonly now = (): Date => this.#now;

  advance(seconds: number): void {
    this.#now = new Date(this.#now.getTime() + seconds * 1000);
  }
}

export function tokenRequest(fields: Record<string, string>, tenant: string = DEFAULT_CREDENTIALS.tenantId): Request {
  return new Request(`${DEFAULT_URLS.loginUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function issueToken(
  emulator: Emulator,
  scope = `${DEFAULT_URLS.salesUrl}/.default`,
  client: { clientId: string; clientSecret: string } = DEFAULT_CREDENTIALS,
): Promise<string> {
  const response = await emulator.handle(
    tokenRequest({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope,
    }),
  );
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export interface Call {
  (path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** Calls one service root of the emulator with a valid bearer token, in-process. */
export function caller(emulator: Emulator, root: string, token: string): Call {
  return (path, init = {}) => {
    const { json, headers, ...rest } = init;
    const merged = new Headers(headers);
    merged.set('Authorization', `Bearer ${token}`);
    if (json !== undefined) merged.set('Content-Type', 'application/json');
    const url = /^https?:/.test(path) ? path : `${root}${path}`;
    return emulator.handle(
      new Request(url, { ...rest, headers: merged, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) }),
    );
  };
}

export interface Session {
  readonly emulator: Emulator;
  readonly clock: TestClock;
  readonly sales: Call;
  readonly finops: Call;
}

export async function startSession(seed?: EmulatorSeed, options: Omit<EmulatorOptions, 'now'> = {}): Promise<Session> {
  const clock = new TestClock();
  const emulator = new Emulator(seed, { ...options, now: clock.now });
  const token = await issueToken(emulator);
  return {
    emulator,
    clock,
    sales: caller(emulator, SALES_ROOT, token),
    finops: caller(emulator, FINOPS_ROOT, token),
  };
}
