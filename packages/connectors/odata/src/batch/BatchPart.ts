import type { ODataError } from '../errors/ODataError.js';

export interface BatchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /**
   * Relative to the service URL (`accounts(accountnumber='A-1')`), or a Content-ID reference
   * (`$1`) to a request earlier in the same changeset.
   */
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON; a string is sent as it is. */
  body?: unknown;
}

/** A request on its own, or an atomic changeset (writes only). */
export type BatchPart = BatchRequest | { changeset: BatchRequest[] };

export interface BatchItemResult {
  request: BatchRequest;
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON, the text when not JSON, undefined when empty. */
  body: unknown;
  /** Set when status >= 400, or when the request was never executed. */
  error?: ODataError;
}

/** One HTTP response found in a multipart batch response. */
export interface DecodedBatchItem {
  status: number;
  statusText: string;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** The raw body text ('' when none). */
  bodyText: string;
  /** Parsed JSON, the text when not JSON, undefined when empty. */
  body: unknown;
  /** The Content-ID of the MIME part, when there is one. */
  contentId?: string;
  /** Index of the top-level part this came from (a changeset's items share one). */
  part: number;
  /** True when the item sits inside a changeset response. */
  inChangeset: boolean;
}

export function isChangeset(part: BatchPart): part is { changeset: BatchRequest[] } {
  return 'changeset' in part;
}
