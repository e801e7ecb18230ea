/** `W/"12"`, `"12"` and `12` all name version 12. */
function normaliseEtag(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/** Whether an If-Match / If-None-Match header value matches the row's etag (`*` matches any). */
export function etagMatches(header: string, etag: string): boolean {
  const wanted = normaliseEtag(etag);
  return header
    .split(',')
    .map((candidate) => candidate.trim())
    .some((candidate) => candidate === '*' || normaliseEtag(candidate) === wanted);
}
