import { inspect } from 'node:util';
import { ClientSecretCredential } from '@azure/identity';
import { ConfigError, FatalError } from '@p2c/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEntraTokenProvider } from '../src/auth/createEntraTokenProvider.js';
import { DATAVERSE, testClient } from './support/clientHarness.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '51f81489-12ee-4a9e-aaae-a2591f45987d';
const SECRET = 'Xy8Q~super.Secret-Value_4242';
const SCOPE = 'https://contoso.crm.dynamics.com/.default';
const ACCESS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-issued-token.signature';
const LOGIN = 'https://login.microsoftonline.com';

const server = setupServer();
/** Every request that reached msw, as `METHOD origin+path`. */
let calls: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.origin}${url.pathname}`);
  });
});
afterEach(() => {
  server.resetHandlers();
  calls = [];
});
afterAll(() => server.close());

/** The public-cloud endpoints MSAL could use for client credentials. */
function entra(token: (form: URLSearchParams) => Response) {
  const forms: URLSearchParams[] = [];
  server.use(
    http.get(`${LOGIN}/common/discovery/instance`, () =>
      HttpResponse.json({
        tenant_discovery_endpoint: `${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com', 'login.windows.net'],
          },
        ],
      }),
    ),
    http.get(`${LOGIN}/:tenant/v2.0/.well-known/openid-configuration`, () =>
      HttpResponse.json(openIdConfiguration(LOGIN)),
    ),
    http.post(`${LOGIN}/:tenant/oauth2/v2.0/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      forms.push(form);
      return token(form);
    }),
  );
  return forms;
}

export function openIdConfiguration(host: string) {
  return {
    token_endpoint: `${host}/${TENANT}/oauth2/v2.0/token`,
    authorization_endpoint: `${host}/${TENANT}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${host}/${TENANT}/oauth2/v2.0/logout`,
    issuer: `${host}/${TENANT}/v2.0`,
    jwks_uri: `${host}/${TENANT}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
  };
}

const issued = () =>
  HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: ACCESS_TOKEN });

function provider() {
  return createEntraTokenProvider({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, scope: SCOPE });
}

describe('createEntraTokenProvider (public cloud, through msw)', () => {
  it('gets a client-credentials token that ODataClient sends as the bearer', async () => {
    const forms = entra(issued);
    let authorization: string | null = null;
    server.use(
      http.get(`${DATAVERSE}/WhoAmI`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ UserId: '00000000-0000-0000-0000-000000000002' });
      }),
    );
    const { client } = testClient({ tokenProvider: provider() });

    await expect(client.get('WhoAmI')).resolves.toEqual({ UserId: '00000000-0000-0000-0000-000000000002' });

    expect(authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(forms).toHaveLength(1);
    expect(forms[0]?.get('grant_type')).toBe('client_credentials');
    expect(forms[0]?.get('client_id')).toBe(CLIENT_ID);
    expect(forms[0]?.get('scope')).toBe(SCOPE);
    expect(forms[0]?.get('client_secret')).toBe(SECRET);
    // msal-node 5 knows the public cloud's metadata: no instance discovery, no OpenID document.
    expect(calls).toEqual([`POST ${LOGIN}/${TENANT}/oauth2/v2.0/token`, `GET ${DATAVERSE}/WhoAmI`]);
  });

  it('reuses the cached token for later requests', async () => {
    const forms = entra(issued);
    server.use(http.get(`${DATAVERSE}/WhoAmI`, () => HttpResponse.json({})));
    const { client } = testClient({ tokenProvider: provider() });
    await client.get('WhoAmI');
    await client.get('WhoAmI');
    expect(forms).toHaveLength(1);
  });

  it('a wrong secret (401 invalid_client) is a fatal error that does not contain the secret', async () => {
    entra(() =>
      HttpResponse.json(
        {
          error: 'invalid_client',
          error_description:
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '51f81489-12ee-4a9e-aaae-a2591f45987d'. Trace ID: 0b1c Correlation ID: 9f2e Timestamp: 2025-06-01 10:00:00Z",
          error_codes: [7000215],
          timestamp: '2025-06-01 10:00:00Z',
          trace_id: '0b1c',
          correlation_id: '9f2e',
          error_uri: `${LOGIN}/error?code=7000215`,
        },
        { status: 401 },
      ),
    );
    let reachedService = false;
    server.use(
      http.get(`${DATAVERSE}/WhoAmI`, () => {
        reachedService = true;
        return HttpResponse.json({});
      }),
    );
    const { client, sleeps } = testClient({ tokenProvider: provider() });

    const error = await client.get('WhoAmI').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(FatalError);
    expect(error).toMatchObject({ kind: 'fatal', code: 'ENTRA_AUTH_FAILED' });
    expect((error as Error).message).toContain('AADSTS7000215');
    expect((error as Error).message).toContain(CLIENT_ID);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(String((error as Error).stack)).not.toContain(SECRET);
    expect(reachedService).toBe(false);
    expect(sleeps).toEqual([]);
  });

  it('an unavailable authority (503) is transient, also while MSAL holds back repeats', async () => {
    const forms = entra(() =>
      HttpResponse.json(
        {
          error: 'temporarily_unavailable',
          error_description: 'AADSTS50196: The server is busy.',
          error_codes: [50196],
        },
        { status: 503 },
      ),
    );
    const tokens = provider();
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'transient', code: 'ENTRA_UNAVAILABLE' });
    // MSAL now refuses locally for 60 s (no Retry-After): still transient, and no new request.
    await expect(tokens.getToken()).rejects.toMatchObject({ kind: 'transient', code: 'ENTRA_UNAVAILABLE' });
    expect(forms).toHaveLength(1);
  });

  it('a network failure reaching the authority is transient, and ODataClient retries it', async () => {
    let attempts = 0;
    entra(() => {
      attempts += 1;
      return attempts === 1 ? HttpResponse.error() : issued();
    });
    server.use(http.get(`${DATAVERSE}/WhoAmI`, () => HttpResponse.json({ ok: 1 })));
    const { client, sleeps } = testClient({ tokenProvider: provider() });
    await expect(client.get('WhoAmI')).resolves.toEqual({ ok: 1 });
    expect(attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
  });
});

describe('authority must be https', () => {
  it('@azure/identity itself rejects an http:// authority', () => {
    expect(
      () => new ClientSecretCredential(TENANT, CLIENT_ID, SECRET, { authorityHost: 'http://login.contoso.test' }),
    ).toThrow("The authorityHost address must use the 'https' protocol.");
  });

  it('createEntraTokenProvider reports it as a ConfigError, before any request', () => {
    const attempt = () =>
      createEntraTokenProvider({
        tenantId: TENANT,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        scope: SCOPE,
        authorityHost: 'http://login.contoso.test',
      });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/https/);
    expect(calls).toEqual([]);
  });

  it('refuses missing settings by name, without echoing the secret', () => {
    const attempt = () =>
      createEntraTokenProvider({ tenantId: '', clientId: CLIENT_ID, clientSecret: SECRET, scope: SCOPE });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/tenantId/);
    try {
      attempt();
    } catch (error) {
      expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
    }
  });
});
