import { ODataError, kindForStatus, type ODataErrorKind } from './ODataError.js';
import { ODataErrorBody } from './ODataErrorBody.js';
import { redact } from './redact.js';
import { parseRetryAfter } from './retryAfter.js';

export interface ErroredResponse {
  status: number;
  statusText?: string | undefined;
  /** Header lookup by name, case-insensitive (a fetch `Headers`, or a lower-cased record). */
  header: (name: string) => string | undefined;
  bodyText: string;
}

export interface ErrorContext {
  method?: string | undefined;
  url?: string | undefined;
  /** Values that must never appear in the message (the bearer token). */
  secrets?: readonly (string | undefined)[];
}

const MAX_TEXT = 1000;

/** Builds the ODataError for a non-2xx answer, from either error body shape or a non-JSON body. */
export function errorFromResponse(response: ErroredResponse, context: ErrorContext = {}): ODataError {
  const { status } = response;
  const parsed = parseJsonError(response.bodyText);
  const message = redact(parsed?.message ?? textMessage(response), context.secrets ?? []);
  const retryAfterSeconds =
    status === 429 || status === 503 ? parseRetryAfter(response.header('retry-after')) : undefined;
  const kind: ODataErrorKind =
    status === 500 && parsed?.isFinOpsWriteFailure === true ? 'record' : kindForStatus(status);
  return new ODataError(message, {
    status,
    odataCode: parsed?.code,
    retryAfterSeconds,
    kind,
    method: context.method,
    url: context.url,
  });
}

interface ParsedJsonError {
  message: string | undefined;
  code: string | undefined;
  isFinOpsWriteFailure: boolean;
}

function parseJsonError(bodyText: string): ParsedJsonError | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const result = ODataErrorBody.safeParse(json);
  if (!result.success) return undefined;
  const { error } = result.data;
  const inner = nonEmpty(error.innererror?.message);
  return {
    // F&O's outer message is always "An error has occurred."; the Infolog text is inside.
    message: inner ?? nonEmpty(error.message),
    code: nonEmpty(error.code),
    // F&O validation failures (validateField/validateWrite) are data errors even when answered 500.
    isFinOpsWriteFailure:
      (error.innererror?.type ?? '').endsWith('AxODataWriteException') || /^Write failed\b/.test(inner ?? ''),
  };
}

function textMessage(response: ErroredResponse): string {
  const fallback = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const body = response.bodyText.trim();
  if (body === '') return fallback;
  if (/^<(!doctype|html|\?xml)/i.test(body) || /<\/(html|body|head)>/i.test(body)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
    return title ? `${fallback}: ${collapse(title)}` : fallback;
  }
  return collapse(body).slice(0, MAX_TEXT);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
