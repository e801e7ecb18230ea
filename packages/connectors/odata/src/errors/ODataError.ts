import { P2cError, redactUrlCredentials } from '@p2c/core';

export type ODataErrorKind = 'record' | 'transient' | 'fatal';

export interface ODataErrorOptions {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  status: number;
  /** The service's own code, e.g. Dataverse `0x80044331`; undefined when it sent none. */
  odataCode?: string | undefined;
  /** Seconds the service asked us to wait (Retry-After on 429/503). */
  retryAfterSeconds?: number | undefined;
  /** Overrides the kind derived from the status. */
  kind?: ODataErrorKind;
  /** A short stable code for scripts; defaults to `HTTP_<status>`. */
  code?: string;
  /** Overrides what the status says (429 and 503: the service took no request just then). */
  serviceUnavailable?: boolean;
  method?: string | undefined;
  url?: string | undefined;
  cause?: unknown;
}

/**
 * How a status is treated: a bad record fails alone, throttling and server trouble are retried,
 * authentication problems stop the run.
 */
export function kindForStatus(status: number): ODataErrorKind {
  switch (status) {
    case 401:
    case 403:
      return 'fatal';
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      return 'transient';
    default:
      // 400/404/409/412/422 are the documented record errors; other 4xx are treated alike
      // (the request, not the service, is wrong), other 5xx like the listed server errors.
      if (status >= 400 && status < 500) return 'record';
      return 'transient';
  }
}

/**
 * An error answered by (or on the way to) an OData service. The message is the service's most
 * useful text; the user info of any URL in it (or in `url`) is masked, since both are printed and stored.
 */
export class ODataError extends P2cError {
  readonly kind: ODataErrorKind;
  readonly status: number;
  readonly odataCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, options: ODataErrorOptions) {
    super(redactUrlCredentials(message), {
      code: options.code ?? `HTTP_${options.status}`,
      cause: options.cause,
      serviceUnavailable: options.serviceUnavailable ?? (options.status === 429 || options.status === 503),
    });
    this.status = options.status;
    this.kind = options.kind ?? kindForStatus(options.status);
    this.odataCode = options.odataCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.method = options.method;
    this.url = options.url === undefined ? undefined : redactUrlCredentials(options.url);
  }
}
