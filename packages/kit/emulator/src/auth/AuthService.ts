import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CREDENTIALS } from '../defaults.js';
import { aadError } from './aadError.js';
import { newClaims, signAccessToken, TOKEN_LIFETIME_SECONDS, verifyAccessToken } from './accessToken.js';

export interface ClientCredential {
  readonly clientId: string;
  readonly clientSecret: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store, no-cache' };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The fake Microsoft Entra ID: one tenant, a list of app registrations, the client
 * credentials token endpoint (v2 and v1), the OpenID configuration and instance discovery
 * documents MSAL reads first. Tokens are signed with a key that lives as long as the emulator,
 * so they stay valid across resets.
 */
export class AuthService {
  readonly #key = randomBytes(32);
  readonly #now: () => Date;
  #tenantId: string = DEFAULT_CREDENTIALS.tenantId;
  #clients: ClientCredential[] = [
    { clientId: DEFAULT_CREDENTIALS.clientId, clientSecret: DEFAULT_CREDENTIALS.clientSecret },
  ];

  constructor(now: () => Date) {
    this.#now = now;
  }

  get tenantId(): string {
    return this.#tenantId;
  }

  configure(tenantId: string | undefined, clients: readonly ClientCredential[] | undefined): void {
    this.#tenantId = (tenantId ?? DEFAULT_CREDENTIALS.tenantId).toLowerCase();
    this.#clients = clients
      ? clients.map((client) => ({ ...client }))
      : [{ clientId: DEFAULT_CREDENTIALS.clientId, clientSecret: DEFAULT_CREDENTIALS.clientSecret }];
  }

  setTenant(tenantId: string): void {
    this.#tenantId = tenantId.toLowerCase();
  }

  addClients(clients: readonly ClientCredential[]): void {
    for (const client of clients) {
      this.#clients = this.#clients.filter((known) => known.clientId.toLowerCase() !== client.clientId.toLowerCase());
      this.#clients.push({ ...client });
    }
  }

  /** Whether an `Authorization` header carries an unexpired token this emulator issued. */
  isAuthorized(header: string | null): boolean {
    return this.authorizedClient(header) !== undefined;
  }

  /** The app id (`appid`) of a valid bearer token, or undefined when the header holds none. */
  authorizedClient(header: string | null): string | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
    if (!match?.[1]) return undefined;
    const claims = verifyAccessToken(match[1], this.#key);
    if (!claims) return undefined;
    const now = Math.floor(this.#now().getTime() / 1000);
    return claims.exp > now && claims.tid.toLowerCase() === this.#tenantId ? claims.appid : undefined;
  }

  /** The `WWW-Authenticate` challenge Dataverse and F&O send with a 401. */
  challenge(requestUrl: URL): string {
    // Behind the real hosts the authority is Entra ID; on a local server it is the server itself.
    const loginOrigin = requestUrl.hostname.endsWith('.dynamics.com')
      ? 'https://login.microsoftonline.com'
      : requestUrl.origin;
    return `Bearer authorization_uri=${loginOrigin}/${this.#tenantId}/oauth2/authorize, resource_id=${requestUrl.origin}/`;
  }

  #knownTenant(tenant: string): boolean {
    return tenant.toLowerCase() === this.#tenantId;
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const segments = url.pathname.split('/').filter((segment) => segment.length > 0);
    const method = request.method.toUpperCase();
    const [tenant = '', ...rest] = segments;
    const route = rest.join('/');
    if (tenant === 'common' && route === 'discovery/instance' && method === 'GET') return this.#discovery(url);
    if (route === 'v2.0/.well-known/openid-configuration' && method === 'GET')
      return this.#openIdConfiguration(url, tenant);
    if ((route === 'oauth2/v2.0/token' || route === 'oauth2/token') && method === 'POST') {
      return this.#token(request, tenant, route === 'oauth2/token');
    }
    return new Response(JSON.stringify({ error: 'not_found', error_description: `No endpoint at ${url.pathname}.` }), {
      status: 404,
      headers: JSON_HEADERS,
    });
  }

  #discovery(url: URL): Response {
    const host = url.host;
    const authorize = url.searchParams.get('authorization_endpoint');
    const tenant = authorize ? (new URL(authorize).pathname.split('/')[1] ?? 'common') : 'common';
    const aliases =
      host === 'login.microsoftonline.com'
        ? ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net']
        : [host];
    return new Response(
      JSON.stringify({
        tenant_discovery_endpoint: `${url.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases }],
      }),
      { status: 200, headers: JSON_HEADERS },
    );
  }

  #openIdConfiguration(url: URL, tenant: string): Response {
    const generic = ['common', 'organizations', 'consumers'].includes(tenant.toLowerCase());
    if (!generic && !this.#knownTenant(tenant)) return this.#unknownTenant(tenant);
    const issuerTenant = generic ? '{tenantid}' : this.#tenantId;
    const base = `${url.origin}/${tenant}`;
    return new Response(
      JSON.stringify({
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${url.origin}/${issuerTenant}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: [
          'sub',
          'iss',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'acr',
          'nonce',
          'tid',
          'ver',
          'at_hash',
          'c_hash',
        ],
        kerberos_endpoint: `${base}/kerberos`,
        tenant_region_scope: 'NA',
        cloud_instance_name: 'microsoftonline.com',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
        rbac_url: 'https://pas.windows.net',
      }),
      { status: 200, headers: JSON_HEADERS },
    );
  }

  #unknownTenant(tenant: string): Response {
    return aadError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      this.#now(),
    );
  }

  async #token(request: Request, tenant: string, v1: boolean): Promise<Response> {
    const now = this.#now();
    const form = new URLSearchParams(await request.text());
    const missing = (name: string): Response =>
      aadError(
        400,
        'invalid_request',
        900144,
        `The request body must contain the following parameter: '${name}'.`,
        now,
      );
    if (!this.#knownTenant(tenant)) return this.#unknownTenant(tenant);

    const grantType = form.get('grant_type');
    if (!grantType) return missing('grant_type');
    if (grantType !== 'client_credentials') {
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
        now,
      );
    }
    let clientId = form.get('client_id');
    let clientSecret = form.get('client_secret');
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (basic?.[1]) {
      const [id = '', secret = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
      clientId ??= decodeURIComponent(id);
      clientSecret ??= decodeURIComponent(secret);
    }
    if (!clientId) return missing('client_id');

    let audience: string;
    if (v1) {
      const resource = form.get('resource');
      if (!resource) return missing('resource');
      audience = resource.replace(/\/$/, '');
    } else {
      const scope = form.get('scope');
      if (!scope) return missing('scope');
      const first = scope.split(/\s+/).find((item) => item.length > 0) ?? '';
      if (!first.endsWith('/.default')) {
        return aadError(
          400,
          'invalid_scope',
          1002012,
          `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
          now,
        );
      }
      audience = first.slice(0, -'/.default'.length);
    }

    const client = this.#clients.find((known) => known.clientId.toLowerCase() === clientId.toLowerCase());
    if (!client) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        now,
      );
    }
    if (!clientSecret) {
      return aadError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
        now,
      );
    }
    if (!sameSecret(clientSecret, client.clientSecret)) {
      return aadError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`,
        now,
      );
    }

    const claims = newClaims({ audience, tenantId: this.#tenantId, clientId: client.clientId, now });
    const token = signAccessToken(claims, this.#key);
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
    };
    if (v1) {
      Object.assign(body, {
        expires_on: String(claims.exp),
        not_before: String(claims.nbf),
        resource: form.get('resource'),
      });
    }
    body['access_token'] = token;
    return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
  }
}
