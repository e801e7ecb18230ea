import type { BatchEntry, BatchOperation } from './BatchRequest.js';
import { multipartBoundary, parseMultipart, readHeaderBlock, type MimePart } from './parseMultipart.js';

export class BatchFormatError extends Error {
  override readonly name = 'BatchFormatError';
}

function parseOperation(part: MimePart): BatchOperation {
  const contentType = part.headers.get('content-type') ?? '';
  if (!/^\s*application\/http\b/i.test(contentType)) {
    throw new BatchFormatError(
      `The content type '${contentType}' of a batch part is not supported; expected 'application/http'.`,
    );
  }
  const lines = part.body.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const requestLine = (lines[first] ?? '').trim();
  const match = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?$/.exec(requestLine);
  if (!match) throw new BatchFormatError(`The batch request line '${requestLine}' is not valid.`);
  const { headers: headerMap, rest } = readHeaderBlock(lines.slice(first + 1));
  const headers = new Headers();
  for (const [name, value] of headerMap) headers.set(name, value);
  const contentId = part.headers.get('content-id') ?? headerMap.get('content-id');
  const operation: BatchOperation = {
    method: match[1] ?? 'GET',
    url: match[2] ?? '',
    headers,
    body: rest.join('\n').trim(),
  };
  return contentId === undefined ? operation : { ...operation, contentId };
}

/**
 * Reads an OData v4 multipart `$batch` body into top-level operations and change sets.
 * A change set may only hold data modifications (no GET), as OData requires.
 */
export function parseBatchRequest(contentType: string | null, body: string): BatchEntry[] {
  const boundary = multipartBoundary(contentType);
  if (!boundary) {
    throw new BatchFormatError(
      "The batch request must have a 'multipart/mixed' Content-Type with a boundary parameter.",
    );
  }
  return parseMultipart(body, boundary).map((part): BatchEntry => {
    const changesetBoundary = multipartBoundary(part.headers.get('content-type') ?? null);
    if (!changesetBoundary) return { kind: 'operation', operation: parseOperation(part) };
    const operations = parseMultipart(part.body, changesetBoundary).map(parseOperation);
    for (const operation of operations) {
      if (operation.method === 'GET' || operation.method === 'HEAD') {
        throw new BatchFormatError('A change set must not contain a GET request; put queries outside change sets.');
      }
    }
    return { kind: 'changeset', operations };
  });
}
