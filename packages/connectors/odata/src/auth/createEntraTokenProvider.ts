import { ClientSecretCredential, type ClientSecretCredentialOptions } from '@azure/identity';
import { ConfigError, FatalError, TransientError } from '@p2c/core';
import { z } from 'zod';
import type { TokenProvider } from '../client/ODataClientOptions.js';
import { redact } from '../errors/redact.js';
import { createTrustedFetch } from '../http/createTrustedFetch.js';
import { AuthorityFailureRecorder } from './AuthorityFailureRecorder.js';
import { createFetchHttpClient } from './FetchHttpClient.js';

const EntraOptions = z.object({
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** e.g. `https://org.crm.dynamics.com/.default`. */
  scope: z.string().min(1),
  /** Default `https://login.microsoftonline.com`. Must be https. */
  authorityHost: z.string().min(1).optional(),
  /** PEM of a CA to trust for the authority connection only (a private or test authority). */
  ca: z.string().includes('BEGIN CERTIFICATE').optional(),
});

export type EntraTokenProviderOptions = z.input<typeof EntraOptions>;

/** MSAL's message when it only names its error code: `endpoints_resolution_error: See https://aka.ms/msal.js.errors#…`. */
const GENERIC_MSAL_DETAIL = /^\w+: See https:\/\/aka\.ms\/msal/;

/** OAuth error codes (and MSAL's) where asking again later can succeed. */
const TRANSIENT_CODES = new Set(['network_error', 'temporarily_unavailable', 'server_error', 'request_timeout']);

/**
 * @azure/identity reports every failure as `<code>: <details>`. After a 429 or 5xx from the token
 * endpoint, MSAL answers repeats itself, without a request, until the Retry-After (60 s when none)
 * has passed; those replays read `<numeric AADSTS codes, or nothing>: <description>`.
 */
function isTransient(detail: string): boolean {
  const oauthCode = /^([a-z_]+):/.exec(detail)?.[1];
  if (oauthCode !== undefined) return TRANSIENT_CODES.has(oauthCode);
  return /^[\d ]*:/.test(detail);
}

/**
 * Client-credentials tokens from Microsoft Entra ID, through @azure/identity's
 * ClientSecretCredential (which caches and renews them).
 *
 * - A custom `authorityHost` disables instance discovery: the named host is trusted as given and
 *   serves `/{tenant}/v2.0/.well-known/openid-configuration` and `/{tenant}/oauth2/v2.0/token`.
 * - `ca` routes the credential's HTTP through undici with that CA trusted (see createTrustedFetch).
 * - @azure/identity refuses an `http://` authority; that surfaces here as a ConfigError.
 * - The credential's own retries are off: ODataClient retries transient token failures with its
 *   back-off, so there is one retry policy, not two stacked.
 * - Refused credentials (invalid_client, unauthorized_client...) are FatalError; network and
 *   service trouble is TransientError. Messages never contain the client secret.
 * - Where MSAL only names a generic code (endpoints_resolution_error), the message gives the
 *   cause seen on the wire instead: an untrusted certificate, a refused connection, an unknown tenant.
 */
export function createEntraTokenProvider(options: EntraTokenProviderOptions): TokenProvider {
  const parsed = EntraOptions.safeParse(options);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new ConfigError(`Invalid Entra ID settings: ${fields}`, { code: 'ENTRA_INVALID_OPTIONS' });
  }
  const { tenantId, clientId, clientSecret, scope, authorityHost, ca } = parsed.data;
  const failures = new AuthorityFailureRecorder();
  const credentialOptions: ClientSecretCredentialOptions = {
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [failures.policy],
  };
  if (authorityHost !== undefined) {
    credentialOptions.authorityHost = authorityHost;
    credentialOptions.disableInstanceDiscovery = true;
  }
  if (ca !== undefined) credentialOptions.httpClient = createFetchHttpClient(createTrustedFetch(ca));

  let credential: ClientSecretCredential;
  try {
    credential = new ClientSecretCredential(tenantId, clientId, clientSecret, credentialOptions);
  } catch (error) {
    throw new ConfigError(redact(`Invalid Entra ID settings: ${(error as Error).message}`, [clientSecret]), {
      code: 'ENTRA_INVALID_OPTIONS',
    });
  }

  return {
    async getToken(): Promise<string> {
      failures.take();
      try {
        const token = await credential.getToken(scope);
        return token.token;
      } catch (error) {
        const msalDetail = redact(error instanceof Error ? error.message : String(error), [clientSecret]);
        const cause = failures.take();
        // MSAL's generic codes point at a web page; the cause the pipeline saw says what happened.
        const detail =
          cause !== undefined && GENERIC_MSAL_DETAIL.test(msalDetail)
            ? `${redact(cause, [clientSecret])} (${/^\w+/.exec(msalDetail)?.[0] ?? 'msal'})`
            : msalDetail;
        const message = `Microsoft Entra ID gave no token for client ${clientId} in tenant ${tenantId}: ${detail}`;
        // The original error is left out on purpose: it carries request options we cannot vouch for.
        if (isTransient(msalDetail)) throw new TransientError(message, { code: 'ENTRA_UNAVAILABLE' });
        throw new FatalError(message, { code: 'ENTRA_AUTH_FAILED' });
      }
    },
  };
}
