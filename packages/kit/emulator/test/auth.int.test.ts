import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEFAULT_URLS, Emulator } from '../src/index.js';
import { FINOPS_ROOT, SALES_ROOT, TestClock, issueToken, tokenRequest } from './support/session.js';

const { tenantId, clientId, clientSecret } = DEFAULT_CREDENTIALS;
const scope = `${DEFAULT_URLS.salesUrl}/.default`;

describe('token endpoint', () => {
  it('issues a bearer token for the client credentials grant', async () => {
    const emulator = new Emulator();
    const response = await emulator.handle(
      tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
    });
  });

  it('refuses a wrong secret with AADSTS7000215 and never echoes the secret', async () => {
    const emulator = new Emulator();
    const response = await emulator.handle(
      tokenRequest({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: 'not-the-secret-123',
        scope,
      }),
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain('not-the-secret-123');
    expect(JSON.parse(text)).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringMatching(/^AADSTS7000215: Invalid client secret provided\./),
      error_codes: [7000215],
    });
  });

  it('refuses an unknown tenant, an unknown client and a scope without /.default', async () => {
    const emulator = new Emulator();
    const fields = { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope };
    const unknownTenant = await emulator.handle(tokenRequest(fields, '11111111-1111-1111-1111-111111111111'));
    expect(unknownTenant.status).toBe(400);
    expect(await unknownTenant.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });

    const unknownClient = await emulator.handle(
      tokenRequest({ ...fields, client_id: '22222222-2222-2222-2222-222222222222' }),
    );
    expect(unknownClient.status).toBe(400);
    expect(await unknownClient.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });

    const badScope = await emulator.handle(
      tokenRequest({ ...fields, scope: 'https://p2c-demo.crm.dynamics.com/user_impersonation' }),
    );
    expect(await badScope.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('accepts the app registrations a seed lists instead of the default one', async () => {
    const emulator = new Emulator({
      auth: { tenantId: 'contoso-tenant', clients: [{ clientId: 'app-1', clientSecret: 's3' }] },
    });
    const ok = await emulator.handle(
      tokenRequest(
        { grant_type: 'client_credentials', client_id: 'app-1', client_secret: 's3', scope },
        'contoso-tenant',
      ),
    );
    expect(ok.status).toBe(200);
    const defaultClient = await emulator.handle(
      tokenRequest(
        { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope },
        'contoso-tenant',
      ),
    );
    expect(defaultClient.status).toBe(400);
  });

  it('serves the OpenID configuration and instance discovery at the origin asked', async () => {
    const emulator = new Emulator();
    const origin = 'https://127.0.0.1:8443';
    const response = await emulator.handle(new Request(`${origin}/${tenantId}/v2.0/.well-known/openid-configuration`));
    expect(await response.json()).toMatchObject({
      token_endpoint: `${origin}/${tenantId}/oauth2/v2.0/token`,
      authorization_endpoint: `${origin}/${tenantId}/oauth2/v2.0/authorize`,
      issuer: `${origin}/${tenantId}/v2.0`,
    });
    const discovery = await emulator.handle(
      new Request(
        `${origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${origin}/${tenantId}/oauth2/v2.0/authorize`)}`,
      ),
    );
    expect(await discovery.json()).toMatchObject({
      tenant_discovery_endpoint: `${origin}/${tenantId}/v2.0/.well-known/openid-configuration`,
      metadata: [{ preferred_network: '127.0.0.1:8443', aliases: ['127.0.0.1:8443'] }],
    });
  });
});

describe('data requests need a token issued by the emulator', () => {
  it('answers 401 with a challenge and a Dataverse error body without a token', async () => {
    const emulator = new Emulator();
    const response = await emulator.handle(new Request(`${SALES_ROOT}accounts`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer authorization_uri=https://login.microsoftonline.com/${tenantId}/oauth2/authorize, resource_id=https://p2c-demo.crm.dynamics.com/`,
    );
    expect(await response.json()).toMatchObject({
      error: { code: expect.stringMatching(/^0x/), message: expect.any(String) },
    });
  });

  it('answers 401 on F&O for a forged token', async () => {
    const emulator = new Emulator();
    const token = await issueToken(emulator);
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.AAAA`;
    const response = await emulator.handle(
      new Request(`${FINOPS_ROOT}CustomersV3`, { headers: { Authorization: `Bearer ${forged}` } }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
  });

  it('accepts one token for both services until it expires', async () => {
    const clock = new TestClock();
    const emulator = new Emulator(undefined, { now: clock.now });
    const token = await issueToken(emulator);
    const headers = { Authorization: `Bearer ${token}` };
    expect((await emulator.handle(new Request(`${SALES_ROOT}accounts`, { headers }))).status).toBe(200);
    expect((await emulator.handle(new Request(`${FINOPS_ROOT}CustomersV3`, { headers }))).status).toBe(200);
    clock.advance(3600);
    expect((await emulator.handle(new Request(`${SALES_ROOT}accounts`, { headers }))).status).toBe(401);
  });
});
