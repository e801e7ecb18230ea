import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntraTokenProvider } from '../src/auth/createEntraTokenProvider.js';
import { createTrustedFetch } from '../src/http/createTrustedFetch.js';
import { localhostCertificate, startTlsServer, type TlsServer } from './support/tlsServer.js';

const TENANT = 'contoso-tenant-id';
const CLIENT_ID = '9a3c1d7e-5f2b-4e8a-b1c6-0d4f7e2a9b35';
const SECRET = 'local~Secret.value_0123456789';
const SCOPE = 'https://usmf-test.sandbox.operations.dynamics.com/.default';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.local-authority-token.sig';

let authority: TlsServer;
let forms: URLSearchParams[] = [];

beforeAll(async () => {
  authority = await startTlsServer((method, path, body, origin) => {
    if (method === 'GET' && path === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      return {
        status: 200,
        json: {
          token_endpoint: `${origin}/${TENANT}/oauth2/v2.0/token`,
          authorization_endpoint: `${origin}/${TENANT}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${origin}/${TENANT}/oauth2/v2.0/logout`,
          issuer: `${origin}/${TENANT}/v2.0`,
          jwks_uri: `${origin}/${TENANT}/discovery/v2.0/keys`,
        },
      };
    }
    if (method === 'POST' && path === `/${TENANT}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(body);
      forms.push(form);
      if (form.get('client_secret') !== SECRET) {
        return {
          status: 401,
          json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
        };
      }
      return { status: 200, json: { token_type: 'Bearer', expires_in: 3600, access_token: TOKEN } };
    }
    return { status: 404, json: { error: 'not_found' } };
  });
});
afterAll(() => authority.close());

describe('a custom https authority with a self-signed CA', () => {
  it('gets a token when the CA is given: OpenID configuration, then token endpoint, no instance discovery', async () => {
    forms = [];
    authority.requests.length = 0;
    const provider = createEntraTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      scope: SCOPE,
      authorityHost: authority.url,
      ca: authority.ca,
    });
    await expect(provider.getToken()).resolves.toBe(TOKEN);
    expect(authority.requests).toEqual([
      `GET /${TENANT}/v2.0/.well-known/openid-configuration`,
      `POST /${TENANT}/oauth2/v2.0/token`,
    ]);
    expect(forms[0]?.get('client_id')).toBe(CLIENT_ID);
    expect(forms[0]?.get('scope')).toBe(SCOPE);
  });

  it('refuses the connection when the CA is not given (it is not trusted globally)', async () => {
    authority.requests.length = 0;
    const provider = createEntraTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      scope: SCOPE,
      authorityHost: authority.url,
    });
    const error = await provider.getToken().catch((e: unknown) => e);
    // MSAL cannot fetch the OpenID configuration: a setup problem, so fatal.
    expect(error).toMatchObject({ kind: 'fatal', code: 'ENTRA_AUTH_FAILED' });
    expect(String(error)).toContain('endpoints_resolution_error');
    expect(String(error)).not.toContain(SECRET);
    expect(authority.requests).toEqual([]);
  });

  it('a wrong secret against the custom authority is fatal and does not leak the secret', async () => {
    const wrong = 'wrong~Secret.value_9876543210';
    const provider = createEntraTokenProvider({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      clientSecret: wrong,
      scope: SCOPE,
      authorityHost: authority.url,
      ca: authority.ca,
    });
    const error = await provider.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'fatal', code: 'ENTRA_AUTH_FAILED' });
    expect(String(error)).toContain('AADSTS7000215');
    expect(String(error)).not.toContain(wrong);
  });
});

describe('createTrustedFetch', () => {
  it('trusts the given CA for its own connections only', async () => {
    const trusted = createTrustedFetch(authority.ca);
    const response = await trusted(`${authority.url}/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_endpoint: `${authority.url}/${TENANT}/oauth2/v2.0/token` });

    // The process-wide fetch still refuses the self-signed certificate.
    await expect(globalThis.fetch(`${authority.url}/x`)).rejects.toMatchObject({
      cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });

  it('does not trust a server whose certificate comes from another CA', async () => {
    const other = await localhostCertificate();
    const trustsOther = createTrustedFetch(other.cert);
    await expect(trustsOther(`${authority.url}/x`)).rejects.toMatchObject({
      cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });
});
