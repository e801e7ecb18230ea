import { ConfigError, FatalError, isP2cError, type P2cError } from '@p2c/core';
import { encodeBatch } from '../batch/encodeBatch.js';
import { decodeBatchResponse } from '../batch/decodeBatchResponse.js';
import { matchBatchResults } from '../batch/matchBatchResults.js';
import type { BatchItemResult, BatchPart, DecodedBatchItem } from '../batch/BatchPart.js';
import { ODataError } from '../errors/ODataError.js';
import { errorFromResponse } from '../errors/errorFromResponse.js';
import { redact } from '../errors/redact.js';
import { buildQueryString } from '../query/buildQueryString.js';
import type { QueryOptions } from '../query/QueryOptions.js';
import { AdaptiveLimiter, type LimiterOutcome } from './AdaptiveLimiter.js';
import { backoffDelay } from './backoffDelay.js';
import { mergeHeaders } from './headers.js';
import { ODataPageBody } from './ODataPageBody.js';
import { resolveConcurrencyLimits } from './resolveConcurrencyLimits.js';
import {
  DEFAULT_RETRY_POLICY,
  type FetchLike,
  type ODataClientOptions,
  type ODataClientStats,
  type ODataPage,
  type ODataResponse,
  type RetryPolicy,
  type TokenProvider,
} from './ODataClientOptions.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface SendOptions {
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  /** $batch: a multipart answer is decoded whatever its status (Dataverse answers 400 when it stopped at an error). */
  acceptMultipart?: boolean;
}

interface RawResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

/** Errors where the connection was never made, so even a POST cannot have reached the service. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The one OData v4 client for Dataverse and F&O: JSON reads, server-driven paging, writes with
 * ETags, $batch, typed errors and retries.
 *
 * Retries: transient failures (408, 429, 5xx, network errors, timeouts) are retried with
 * exponential back-off and full jitter, or after the service's Retry-After on 429/503, up to
 * `maxAttempts`. Record and fatal errors are never retried. GET, PATCH, PUT and DELETE are retried on
 * every transient failure (a PATCH by key sets the same values again). POST (including $batch) is
 * retried only on 429/503, where the service refused before doing anything, and on connection
 * failures that happened before the request was sent: a POST whose fate is unknown (a 500, a reset
 * connection, a timeout) could have created the record, and posting again could create it twice.
 *
 * Concurrency: every attempt (each page, each $batch, each retry) takes a slot from the client's
 * adaptive limiter before it is sent. A 429 halves the limit and holds every new request of this
 * client until its Retry-After has passed; `limit` answers in a row without a 429 raise it by one.
 */
export class ODataClient {
  readonly #base: string;
  readonly #origin: string;
  readonly #tokenProvider: TokenProvider;
  readonly #fetch: FetchLike | undefined;
  readonly #headers: Record<string, string>;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #timeoutMs: number;
  readonly #limiter: AdaptiveLimiter;
  readonly #counts = { requests: 0, retries: 0, throttled: 0 };

  constructor(options: ODataClientOptions) {
    const url = parseServiceUrl(options.serviceUrl);
    this.#base = url.href.replace(/\/+$/, '');
    this.#origin = url.origin;
    this.#tokenProvider = options.tokenProvider;
    this.#fetch = options.fetch;
    this.#headers = { ...options.headers };
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    if (!Number.isInteger(this.#retry.maxAttempts) || this.#retry.maxAttempts < 1) {
      throw new ConfigError('retry.maxAttempts must be a whole number of at least 1', { code: 'ODATA_INVALID_RETRY' });
    }
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#random = options.random ?? Math.random;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#limiter = new AdaptiveLimiter(resolveConcurrencyLimits(options.concurrency), {
      now: options.now ?? (() => Date.now()),
      sleep: this.#sleep,
    });
  }

  /** Counters since the client was made, and its current concurrency, for operators and benchmarks. */
  stats(): ODataClientStats {
    return { ...this.#counts, concurrency: this.#limiter.limit, inFlight: this.#limiter.inFlight };
  }

  /** The service URL without a trailing slash. */
  get serviceUrl(): string {
    return this.#base;
  }

  /** GETs a JSON body. `path` is relative to the service URL, or an absolute URL on the same host. */
  async get<T>(path: string, options: { query?: QueryOptions; headers?: Record<string, string> } = {}): Promise<T> {
    const response = await this.#send('GET', this.#url(path, options.query), { headers: options.headers });
    return this.#parseJson(response, 'GET') as T;
  }

  /**
   * Reads a collection page by page, following `@odata.nextLink` until there is none. With
   * `maxPageSize`, sends `Prefer: odata.maxpagesize=N` on every page (merged with any Prefer in
   * `headers`, e.g. `odata.track-changes`). The last page carries the `@odata.deltaLink`, if any.
   */
  async *pages<T>(
    path: string,
    options: { query?: QueryOptions; maxPageSize?: number; headers?: Record<string, string> } = {},
  ): AsyncGenerator<ODataPage<T>> {
    let headers: Record<string, string> = { ...options.headers };
    if (options.maxPageSize !== undefined) {
      if (!Number.isInteger(options.maxPageSize) || options.maxPageSize < 1) {
        throw new ConfigError(`maxPageSize must be a positive whole number, got ${options.maxPageSize}`, {
          code: 'ODATA_INVALID_QUERY',
        });
      }
      const existing = Object.entries(headers).find(([name]) => name.toLowerCase() === 'prefer');
      const others = Object.entries(headers).filter(([name]) => name !== existing?.[0]);
      headers = {
        ...Object.fromEntries(others),
        Prefer: [existing?.[1], `odata.maxpagesize=${options.maxPageSize}`].filter(Boolean).join(','),
      };
    }
    let url: string | undefined = this.#url(path, options.query);
    while (url !== undefined) {
      const response = await this.#send('GET', url, { headers });
      const parsed = ODataPageBody.safeParse(this.#parseJson(response, 'GET', url));
      if (!parsed.success) {
        throw new ODataError('The response is not an OData collection (no "value" array)', {
          status: response.status,
          kind: 'fatal',
          code: 'ODATA_UNEXPECTED_RESPONSE',
          method: 'GET',
          url,
        });
      }
      const body = parsed.data;
      const page: ODataPage<T> = { value: body.value as T[] };
      const nextLink = body['@odata.nextLink'];
      if (nextLink !== undefined) page.nextLink = nextLink;
      if (body['@odata.deltaLink'] !== undefined) page.deltaLink = body['@odata.deltaLink'];
      if (body['@odata.count'] !== undefined) page.count = body['@odata.count'];
      yield page;
      url = nextLink === undefined ? undefined : this.#url(nextLink);
    }
  }

  async post<T>(
    path: string,
    body: unknown,
    options: { headers?: Record<string, string> } = {},
  ): Promise<ODataResponse<T>> {
    return this.#write<T>('POST', path, body, options.headers);
  }

  /** PATCH by key: an upsert; `ifMatch: '*'` makes it update-only, `ifNoneMatch: '*'` create-only. */
  async patch<T>(
    path: string,
    body: unknown,
    options: { ifMatch?: string; ifNoneMatch?: string; headers?: Record<string, string> } = {},
  ): Promise<ODataResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers['If-None-Match'] = options.ifNoneMatch;
    return this.#write<T>('PATCH', path, body, headers);
  }

  async delete(path: string, options: { ifMatch?: string } = {}): Promise<ODataResponse> {
    const headers: Record<string, string> = {};
    if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    return this.#write('DELETE', path, undefined, headers);
  }

  /**
   * Sends a $batch. Returns one result per request, in input order; failures are results with an
   * `error`, not exceptions (a changeset rolled back gives its error to each of its requests).
   * Throws only when the batch as a whole fails (authentication, throttling past the retries, a
   * malformed batch answered without a multipart body, an answer that cannot be read: transient,
   * since the batch may have run).
   */
  async batch(parts: BatchPart[], options: { continueOnError?: boolean } = {}): Promise<BatchItemResult[]> {
    if (parts.length === 0) return [];
    const { body, contentType } = encodeBatch(parts, this.#base);
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (options.continueOnError === true) headers['Prefer'] = 'odata.continue-on-error';
    const url = `${this.#base}/$batch`;
    const response = await this.#send('POST', url, { headers, body, acceptMultipart: true });
    const responseType = response.headers.get('content-type') ?? '';
    let items: DecodedBatchItem[];
    try {
      items = decodeBatchResponse(response.bodyText, responseType);
    } catch (error) {
      // The batch went out and its fate is unknown: a caller may send its parts again.
      throw new ODataError(`The $batch response could not be read: ${(error as Error).message}`, {
        status: response.status,
        kind: 'transient',
        code: 'ODATA_UNEXPECTED_RESPONSE',
        method: 'POST',
        url,
        cause: error,
      });
    }
    return matchBatchResults(parts, items);
  }

  async #write<T>(
    method: Method,
    path: string,
    body: unknown,
    headers: Record<string, string> | undefined,
  ): Promise<ODataResponse<T>> {
    const sendHeaders: Record<string, string> = {};
    let text: string | undefined;
    if (body !== undefined) {
      text = typeof body === 'string' ? body : JSON.stringify(body);
      sendHeaders['Content-Type'] = 'application/json';
    }
    const url = this.#url(path);
    const response = await this.#send(method, url, { headers: { ...sendHeaders, ...headers }, body: text });
    const parsed = response.bodyText === '' ? undefined : (this.#parseJson(response, method, url) as T);
    const result: ODataResponse<T> = { status: response.status, headers: response.headers, body: parsed };
    const etag = response.headers.get('etag') ?? annotation(parsed, '@odata.etag');
    if (etag !== undefined) result.etag = etag;
    const entityId = response.headers.get('odata-entityid') ?? response.headers.get('location') ?? undefined;
    if (entityId !== undefined) result.entityId = entityId;
    return result;
  }

  async #send(method: Method, url: string, options: SendOptions): Promise<RawResponse> {
    for (let attempt = 1; ; attempt += 1) {
      const permit = await this.#limiter.acquire();
      let outcome: AttemptOutcome;
      try {
        outcome = await this.#attempt(method, url, options);
      } catch (error) {
        this.#limiter.release(permit, { kind: 'failure' });
        throw error;
      }
      if (outcome.ok) {
        this.#limiter.release(permit, { kind: 'success' });
        return outcome.response;
      }
      const { error, notSent } = outcome;
      const status = error instanceof ODataError ? error.status : 0;
      const retryAfter = error instanceof ODataError ? error.retryAfterSeconds : undefined;
      const retryable =
        error.kind === 'transient' &&
        attempt < this.#retry.maxAttempts &&
        (method !== 'POST' || notSent || status === 429 || status === 503);
      // A 429 needs its wait even when this request gives up: the hold applies to every request.
      const waitMs = retryable || status === 429 ? backoffDelay(attempt, this.#retry, this.#random, retryAfter) : 0;
      if (status === 429) this.#counts.throttled += 1;
      this.#limiter.release(permit, limiterOutcome(status, waitMs));
      if (!retryable) throw error;
      this.#counts.retries += 1;
      // After a 429 the limiter holds every request of this client, this one included, for waitMs.
      if (status !== 429) await this.#sleep(waitMs);
    }
  }

  async #attempt(method: Method, url: string, options: SendOptions): Promise<AttemptOutcome> {
    let token: string;
    try {
      token = await this.#tokenProvider.getToken();
    } catch (error) {
      // No request went out, so retrying a transient token failure is safe for any method.
      return { ok: false, error: tokenError(error), notSent: true };
    }
    const headers = mergeHeaders({ Accept: 'application/json' }, this.#headers, options.headers);
    headers.set('Authorization', `Bearer ${token}`);
    const fetchImpl = this.#fetch ?? ((input: string, init?: RequestInit) => globalThis.fetch(input, init));
    let response: Response;
    let bodyText: string;
    try {
      const init: RequestInit = { method, headers, signal: AbortSignal.timeout(this.#timeoutMs) };
      if (options.body !== undefined) init.body = options.body;
      this.#counts.requests += 1;
      response = await fetchImpl(url, init);
      bodyText = await response.text();
    } catch (error) {
      return { ok: false, error: networkError(error, method, url, this.#timeoutMs, token), notSent: isNotSent(error) };
    }
    const raw: RawResponse = { status: response.status, headers: response.headers, bodyText };
    if (response.ok) return { ok: true, response: raw };
    if (options.acceptMultipart === true && /^multipart\/mixed/i.test(response.headers.get('content-type') ?? '')) {
      return { ok: true, response: raw };
    }
    const error = errorFromResponse(
      {
        status: response.status,
        statusText: response.statusText,
        header: (name) => response.headers.get(name) ?? undefined,
        bodyText,
      },
      { method, url, secrets: [token] },
    );
    return { ok: false, error, notSent: false };
  }

  #parseJson(response: RawResponse, method: Method, url?: string): unknown {
    if (response.bodyText === '') return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (type !== '' && !/json/i.test(type)) return response.bodyText;
    try {
      return JSON.parse(response.bodyText) as unknown;
    } catch (error) {
      throw new ODataError('The response body is not valid JSON', {
        status: response.status,
        kind: 'fatal',
        code: 'ODATA_UNEXPECTED_RESPONSE',
        method,
        url,
        cause: error,
      });
    }
  }

  /** Resolves a path against the service URL; refuses other hosts, which would receive our token. */
  #url(path: string, query?: QueryOptions): string {
    let url: string;
    if (/^https?:\/\//i.test(path)) {
      if (new URL(path).origin !== this.#origin) {
        throw new ConfigError(`Refusing to send credentials to ${new URL(path).origin}: not the service's host`, {
          code: 'ODATA_FOREIGN_URL',
        });
      }
      url = path;
    } else {
      url = `${this.#base}/${path.replace(/^\/+/, '')}`;
    }
    const queryString = query === undefined ? '' : buildQueryString(query);
    if (queryString === '') return url;
    return `${url}${url.includes('?') ? '&' : '?'}${queryString}`;
  }
}

/**
 * What an attempt tells the limiter about the service's load: a 429 is throttling; any other
 * answer below 500 (408 aside) means the service had room to judge the request.
 */
function limiterOutcome(status: number, waitMs: number): LimiterOutcome {
  if (status === 429) return { kind: 'throttled', waitMs };
  if (status >= 400 && status < 500 && status !== 408) return { kind: 'success' };
  return { kind: 'failure' };
}

/** notSent: the request certainly never reached the service. */
type AttemptOutcome = { ok: true; response: RawResponse } | { ok: false; error: P2cError; notSent: boolean };

function parseServiceUrl(serviceUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConfigError(`Not a URL: '${serviceUrl}'`, { code: 'ODATA_INVALID_SERVICE_URL' });
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`The service URL must use https (plain http only for localhost): '${serviceUrl}'`, {
      code: 'ODATA_INVALID_SERVICE_URL',
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`The service URL must not carry a query or fragment: '${serviceUrl}'`, {
      code: 'ODATA_INVALID_SERVICE_URL',
    });
  }
  return url;
}

function tokenError(error: unknown): P2cError {
  if (isP2cError(error)) return error;
  return new FatalError('Could not get an access token', { code: 'AUTH_TOKEN_FAILED', cause: error });
}

function networkError(error: unknown, method: Method, url: string, timeoutMs: number, token: string): ODataError {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  const detail = timedOut ? `no answer within ${timeoutMs} ms` : describeCause(error);
  return new ODataError(redact(`Network error on ${method} ${url}: ${detail}`, [token]), {
    status: 0,
    kind: 'transient',
    code: timedOut ? 'NETWORK_TIMEOUT' : 'NETWORK_ERROR',
    method,
    url,
    cause: error,
  });
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}

function isNotSent(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

function annotation(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
