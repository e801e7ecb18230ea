import { randomUUID } from 'node:crypto';
import { ConfigError } from '@p2c/core';
import { isChangeset, type BatchPart, type BatchRequest } from './BatchPart.js';

const CRLF = '\r\n';

/**
 * Writes an OData v4 multipart/mixed $batch body, as Dataverse and F&O expect it: CRLF line ends,
 * each request an `application/http` part with an absolute request URL, changesets as nested
 * multipart parts. Requests inside changesets get Content-IDs numbered 1, 2, 3... across the whole
 * batch, so `$n` in a later request's URL refers to the n-th changeset request.
 *
 * `boundary` (default `batch_<uuid>`) names the batch; changeset k (1-based) is named
 * `changeset_<id>_<k>` where `<id>` is the batch boundary without its `batch_` prefix.
 */
export function encodeBatch(
  parts: BatchPart[],
  serviceUrl: string,
  boundary: string = `batch_${randomUUID()}`,
): { body: string; contentType: string } {
  if (!/^[A-Za-z0-9_.-]{1,69}$/.test(boundary)) {
    throw new ConfigError(`Not a usable multipart boundary: '${boundary}'`, { code: 'ODATA_BATCH_BOUNDARY' });
  }
  const base = serviceUrl.replace(/\/+$/, '');
  const id = boundary.replace(/^batch_/, '');
  let contentId = 0;
  let changesetNumber = 0;
  let out = '';

  for (const part of parts) {
    out += `--${boundary}${CRLF}`;
    if (isChangeset(part)) {
      if (part.changeset.length === 0) {
        throw new ConfigError('A changeset needs at least one request', { code: 'ODATA_BATCH_EMPTY_CHANGESET' });
      }
      changesetNumber += 1;
      const changesetBoundary = `changeset_${id}_${changesetNumber}`;
      out += `Content-Type: multipart/mixed; boundary=${changesetBoundary}${CRLF}${CRLF}`;
      for (const request of part.changeset) {
        if (request.method === 'GET') {
          throw new ConfigError('GET requests cannot be part of a changeset', { code: 'ODATA_BATCH_GET_IN_CHANGESET' });
        }
        contentId += 1;
        out += `--${changesetBoundary}${CRLF}`;
        out += encodeRequest(request, base, String(contentId));
      }
      out += `--${changesetBoundary}--${CRLF}${CRLF}`;
    } else {
      out += encodeRequest(part, base, undefined);
    }
  }
  out += `--${boundary}--${CRLF}`;
  return { body: out, contentType: `multipart/mixed; boundary=${boundary}` };
}

function encodeRequest(request: BatchRequest, base: string, contentId: string | undefined): string {
  let out = `Content-Type: application/http${CRLF}Content-Transfer-Encoding: binary${CRLF}`;
  if (contentId !== undefined) out += `Content-ID: ${contentId}${CRLF}`;
  out += CRLF;
  out += `${request.method} ${absoluteUrl(request.url, base)} HTTP/1.1${CRLF}`;

  const headers = new Map<string, string>();
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  if (body !== undefined) headers.set('Content-Type', 'application/json; type=entry');
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) {
      throw new ConfigError(`Header ${name} contains a line break`, { code: 'ODATA_BATCH_HEADER' });
    }
    const existing = [...headers.keys()].find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) headers.delete(existing);
    headers.set(name, value);
  }
  for (const [name, value] of headers) out += `${name}: ${value}${CRLF}`;
  out += CRLF;
  // The CRLF before the next boundary belongs to that boundary (RFC 2046).
  out += `${body ?? ''}${CRLF}`;
  return out;
}

function absoluteUrl(url: string, base: string): string {
  if (/^https?:\/\//i.test(url) || url.startsWith('$')) return url;
  return `${base}/${url.replace(/^\/+/, '')}`;
}
