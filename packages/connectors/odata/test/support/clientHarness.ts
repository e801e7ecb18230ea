import { ODataClient } from '../../src/client/ODataClient.js';
import type { ODataClientOptions, TokenProvider } from '../../src/client/ODataClientOptions.js';

export const DATAVERSE = 'https://contoso.crm.dynamics.com/api/data/v9.2';
export const FINOPS = 'https://usmf-test.sandbox.operations.dynamics.com/data';
export const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-access-token';

export function staticToken(token: string = TOKEN): TokenProvider {
  return { getToken: async () => token };
}

/**
 * A client whose waits are recorded instead of slept, with a fixed jitter source and a clock
 * that moves only by those waits (so a hold of 7 s is exactly 7000 ms, however slow the machine).
 */
export function testClient(options: Partial<ODataClientOptions> = {}): { client: ODataClient; sleeps: number[] } {
  const sleeps: number[] = [];
  let clock = Date.now();
  const client = new ODataClient({
    serviceUrl: DATAVERSE,
    tokenProvider: staticToken(),
    headers: { 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' },
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...options,
  });
  return { client, sleeps };
}

/** An msw matcher for a URL path with OData key parentheses (msw's path syntax treats `(` as special); any query allowed. */
export function odataUrl(url: string): RegExp {
  return new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);
}
