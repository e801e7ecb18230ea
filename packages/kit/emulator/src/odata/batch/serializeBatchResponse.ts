import { randomUUID } from 'node:crypto';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** One answered operation, already read, ready to be written into a batch response. */
export interface BatchPartResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly contentId?: string;
}

export type BatchResponseEntry =
  | { readonly kind: 'operation'; readonly response: BatchPartResponse }
  | { readonly kind: 'changeset'; readonly responses: readonly BatchPartResponse[] };

const CRLF = '\r\n';

function httpPart(response: BatchPartResponse): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (response.contentId !== undefined) lines.push(`Content-ID: ${response.contentId}`);
  lines.push('', `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? 'Unknown'}`);
  response.headers.forEach((value, name) => {
    if (name !== 'content-length') lines.push(`${canonicalName(name)}: ${value}`);
  });
  lines.push('', response.body);
  return lines.join(CRLF);
}

/** `odata-entityid` -> `OData-EntityId`, the way the services spell their headers. */
function canonicalName(name: string): string {
  const special: Record<string, string> = {
    'odata-version': 'OData-Version',
    'odata-entityid': 'OData-EntityId',
    etag: 'ETag',
  };
  return (
    special[name] ?? name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase())
  );
}

/**
 * Writes a multipart/mixed batch response: `batchresponse_<uuid>` at the top, each change set
 * nested under its own `changesetresponse_<uuid>` boundary, CRLF line ends throughout.
 */
export function serializeBatchResponse(entries: readonly BatchResponseEntry[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const entry of entries) {
    if (entry.kind === 'operation') {
      chunks.push(`--${boundary}${CRLF}${httpPart(entry.response)}`);
      continue;
    }
    const changeset = `changesetresponse_${randomUUID()}`;
    const inner = entry.responses.map((response) => `--${changeset}${CRLF}${httpPart(response)}`);
    chunks.push(
      [`--${boundary}`, `Content-Type: multipart/mixed; boundary=${changeset}`, '', ...inner, `--${changeset}--`].join(
        CRLF,
      ),
    );
  }
  chunks.push(`--${boundary}--${CRLF}`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join(CRLF) };
}
