import type { ClientSecretCredentialOptions } from '@azure/identity';

// The Azure core types, reached through @azure/identity's public options so no extra dependency is needed.
type PolicyConfig = NonNullable<ClientSecretCredentialOptions['additionalPolicies']>[number];
type PipelinePolicy = PolicyConfig['policy'];

/** TLS verification codes that mean "this certificate's issuer is not trusted here". */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/**
 * What went wrong on the way to the authority, kept for the error message. MSAL reduces a
 * failed metadata request (a refused connection, an untrusted certificate, an unknown tenant) to
 * `endpoints_resolution_error: See https://aka.ms/msal.js.errors#…`, the same for every cause;
 * this pipeline policy sees each request to the authority and keeps a one-line description of
 * the last one that failed, so the message can name the real cause.
 */
export class AuthorityFailureRecorder {
  #last: string | undefined;

  readonly policy: PolicyConfig = {
    position: 'perCall',
    policy: {
      name: 'p2cAuthorityFailureRecorder',
      sendRequest: async (request, next) => {
        let response: Awaited<ReturnType<PipelinePolicy['sendRequest']>>;
        try {
          response = await next(request);
        } catch (error) {
          this.#last = describeNetworkFailure(error, request.url);
          throw error;
        }
        if (response.status >= 400) this.#last = describeRefusal(response.status, response.bodyAsText, request.url);
        return response;
      },
    },
  };

  /** The last failure since the previous call, then forgets it. */
  take(): string | undefined {
    const last = this.#last;
    this.#last = undefined;
    return last;
  }
}

function describeNetworkFailure(error: unknown, url: string): string {
  const { host, hostname, port } = new URL(url);
  const at = `${hostname}:${port === '' ? '443' : port}`;
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return `connection refused by ${at}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host ${hostname} was not found (${code})`;
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return `no answer from ${at} (${code})`;
  if (code === 'ECONNRESET') return `${at} closed the connection (ECONNRESET)`;
  if (code !== undefined && UNTRUSTED_CERTIFICATE.has(code)) {
    return `the certificate of ${host} is not trusted (${code}); trust its CA with the connection's ca setting`;
  }
  if (code === 'CERT_HAS_EXPIRED') return `the certificate of ${host} has expired`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate of ${host} is not issued for that name`;
  const message = innermostMessage(error);
  return `${url.split('?')[0]} could not be reached: ${code === undefined ? message : `${code} (${message})`}`;
}

/** An Entra ID error body (`error`, `error_description`), else the status. Trace ids left out. */
function describeRefusal(status: number, body: string | null | undefined, url: string): string {
  const where = `${url.split('?')[0]} answered ${status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return where;
  }
  if (typeof parsed !== 'object' || parsed === null) return where;
  const { error, error_description: description } = parsed as Record<string, unknown>;
  if (typeof description !== 'string') return typeof error === 'string' ? `${where} ${error}` : where;
  const text = (description.split(/\s+Trace ID:/)[0] ?? '').replace(/\s+/g, ' ').trim();
  // The tenant's case is the one a wrong tenant id most often is: say it plainly.
  if (/^AADSTS90002\b/.test(text)) return `tenant not found (${firstSentence(text)})`;
  return `${where}: ${firstSentence(text)}`;
}

function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end === -1 ? text : text.slice(0, end + 1);
}

/** The first `code` along the error's causes (fetch wraps the socket's error, Azure's RestError copies it). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current.message !== '') message = current.message;
  }
  return message;
}
