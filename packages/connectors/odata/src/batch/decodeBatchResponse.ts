import type { DecodedBatchItem } from './BatchPart.js';

/**
 * Reads a multipart/mixed $batch response into its HTTP responses, in order. Handles nested
 * changeset responses, an error part standing in for a whole changeset, CRLF or LF line ends,
 * bodies with or without trailing newlines, and bodiless responses such as `204 No Content`.
 * Throws when the content type has no boundary or a part is not an HTTP response.
 */
export function decodeBatchResponse(body: string, contentType: string): DecodedBatchItem[] {
  const boundary = boundaryOf(contentType);
  const items: DecodedBatchItem[] = [];
  splitMultipart(body, boundary).forEach((partText, part) => {
    const mime = splitHeaders(partText);
    const partType = mime.headers['content-type'] ?? '';
    if (/^multipart\/mixed/i.test(partType)) {
      for (const inner of splitMultipart(mime.rest, boundaryOf(partType))) {
        items.push(readHttpPart(inner, part, true));
      }
    } else {
      items.push(readHttpPart(partText, part, false));
    }
  });
  return items;
}

/** The `boundary` parameter of a multipart content type, quoted or not. */
function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (boundary === undefined) throw new Error(`No multipart boundary in content type '${contentType}'`);
  return boundary;
}

/** The text of each part between `--boundary` lines, up to `--boundary--`; the preamble is dropped. */
function splitMultipart(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) {
      if (current !== undefined) parts.push(current.join('\n'));
      return parts;
    }
    if (trimmed === delimiter) {
      if (current !== undefined) parts.push(current.join('\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  // A body cut short of its closing delimiter still yields what it holds.
  if (current !== undefined) parts.push(current.join('\n'));
  return parts;
}

/** Splits header lines (until the first blank line) from the rest; header names lower-cased. */
function splitHeaders(text: string): { headers: Record<string, string>; rest: string; firstLine: string | undefined } {
  const lines = text.split('\n');
  const headers: Record<string, string> = {};
  let index = 0;
  // Tolerate blank lines before the headers start.
  while (index < lines.length && lines[index]?.trim() === '') index += 1;
  let firstLine: string | undefined;
  for (; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (line.trim() === '') {
      index += 1;
      break;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && !/^HTTP\//i.test(line)) {
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    } else if (firstLine === undefined && Object.keys(headers).length === 0) {
      firstLine = line;
    }
  }
  return { headers, rest: lines.slice(index).join('\n'), firstLine };
}

function readHttpPart(partText: string, part: number, inChangeset: boolean): DecodedBatchItem {
  const mime = splitHeaders(partText);
  const http = splitHeaders(mime.rest);
  const statusLine = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/i.exec(http.firstLine?.trim() ?? '');
  if (!statusLine?.[1]) {
    throw new Error(`A batch response part is not an HTTP response: '${(http.firstLine ?? '').slice(0, 80)}'`);
  }
  const bodyText = http.rest.replace(/^\s+|\s+$/g, '');
  const item: DecodedBatchItem = {
    status: Number(statusLine[1]),
    statusText: statusLine[2]?.trim() ?? '',
    headers: http.headers,
    bodyText,
    body: parseBody(bodyText, http.headers['content-type']),
    part,
    inChangeset,
  };
  const contentId = mime.headers['content-id'];
  if (contentId !== undefined) item.contentId = contentId;
  return item;
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType === undefined || /json/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
