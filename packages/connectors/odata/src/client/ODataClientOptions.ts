/** Supplies a bearer token; called before every request (implementations cache). */
export interface TokenProvider {
  getToken(): Promise<string>;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/** Bounds of the client's adaptive concurrency: how many requests it has in flight at once. */
export interface ConcurrencyLimits {
  /** Where the limit starts. */
  initial: number;
  /** The limit never goes below this, however often the service throttles. */
  min: number;
  /** The limit never ramps above this (Dataverse and F&O allow 52 concurrent requests per user). */
  max: number;
}

export const DEFAULT_CONCURRENCY: ConcurrencyLimits = Object.freeze({ initial: 4, min: 1, max: 16 });

/** Counters since the client was made, plus its current concurrency. */
export interface ODataClientStats {
  /** HTTP requests actually sent, retries included. */
  requests: number;
  /** Failed attempts that were tried again. */
  retries: number;
  /** 429 answers received. */
  throttled: number;
  /** The current concurrency limit. */
  concurrency: number;
  /** Requests holding a slot now. */
  inFlight: number;
}

export interface ODataClientOptions {
  /** e.g. `https://org.crm.dynamics.com/api/data/v9.2` or `https://env.operations.dynamics.com/data`. */
  serviceUrl: string;
  tokenProvider: TokenProvider;
  /** Default: `globalThis.fetch`, looked up at call time (so msw's interception applies). */
  fetch?: FetchLike;
  /** Added to every request, e.g. `OData-Version: 4.0`, `OData-MaxVersion: 4.0`. */
  headers?: Record<string, string>;
  retry?: Partial<RetryPolicy>;
  /**
   * Adaptive concurrency (default initial 4, min 1, max 16): halved on a 429, raised by one after
   * `limit` requests in a row without one. Unset values adapt to set ones (`{ max: 2 }` starts at 2).
   */
  concurrency?: Partial<ConcurrencyLimits>;
  /** Every wait (back-off, and the hold after a 429) goes through it; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** The clock (ms since the epoch) that throttling holds are measured by; injectable for tests. Default Date.now. */
  now?: () => number;
  /** Source of randomness for back-off jitter, in [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
  /** Per-request time limit in ms; a request over it fails as a transient error. Default 120000. */
  timeoutMs?: number;
}

export interface ODataPage<T> {
  value: T[];
  nextLink?: string;
  deltaLink?: string;
  count?: number;
}

export interface ODataResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON body; undefined when the response had none (204). */
  body: T | undefined;
  /** The ETag header, else the body's `@odata.etag`. */
  etag?: string;
  /** The OData-EntityId header, else Location. */
  entityId?: string;
}
