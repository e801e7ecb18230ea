import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator, emulatorHandlers } from '../src/index.js';
import { anAccount } from './support/builders.js';

const emulator = new Emulator({ sales: { accounts: [anAccount().numbered('ACC-MSW').build()] } });
const server = setupServer(...emulatorHandlers(emulator));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('msw handlers', () => {
  it('serve the token endpoint and both services at their default origins', async () => {
    const tokenResponse = await fetch(`${DEFAULT_URLS.loginUrl}/${DEFAULT_CREDENTIALS.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: DEFAULT_CREDENTIALS.clientId,
        client_secret: DEFAULT_CREDENTIALS.clientSecret,
        scope: `${DEFAULT_URLS.finopsUrl}/.default`,
      }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${token}` };

    const accounts = await fetch(`${DEFAULT_URLS.salesUrl}/api/data/v9.2/accounts?$select=accountnumber`, { headers });
    expect(((await accounts.json()) as { value: unknown[] }).value).toEqual([
      expect.objectContaining({ accountnumber: 'ACC-MSW' }),
    ]);

    const created = await fetch(`${DEFAULT_URLS.finopsUrl}/data/CustomersV3`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        CustomerAccount: 'ACC-MSW',
        OrganizationName: 'Via msw',
        PartyType: 'Organization',
        CustomerGroupId: '10',
        SalesCurrencyCode: 'USD',
      }),
    });
    expect(created.status).toBe(201);
    expect(emulator.finops.customers.get('usmf', 'ACC-MSW')).toMatchObject({ OrganizationName: 'Via msw' });
  });

  it('give one handler per distinct origin', () => {
    const shared = 'https://127.0.0.1:9443';
    expect(emulatorHandlers(emulator)).toHaveLength(3);
    expect(emulatorHandlers(emulator, { salesUrl: shared, finopsUrl: shared, loginUrl: shared })).toHaveLength(1);
  });
});
