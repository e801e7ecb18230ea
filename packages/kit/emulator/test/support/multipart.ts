/** Builds a batch body by hand, the way a client writes one: CRLF line ends by default. */
export function batchBody(boundary: string, parts: readonly string[], lineEnd = '\r\n'): string {
  return [...parts.map((part) => `--${boundary}${lineEnd}${part}`), `--${boundary}--${lineEnd}`].join(lineEnd);
}

export function httpPart(
  requestLines: readonly string[],
  options: { contentId?: string; body?: unknown } = {},
): string {
  const header = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (options.contentId) header.push(`Content-ID: ${options.contentId}`);
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  return [...header, '', ...requestLines, '', body].join('\r\n');
}

export function changeset(boundary: string, parts: readonly string[]): string {
  return [`Content-Type: multipart/mixed; boundary=${boundary}`, '', batchBody(boundary, parts)].join('\r\n');
}

/** What a test needs from a batch response: the parts' status codes and Content-IDs, in order. */
export interface AnsweredPart {
  readonly status: number;
  readonly contentId?: string;
  readonly inChangeset: boolean;
  readonly body: string;
}

export function readBatchResponse(contentType: string | null, text: string): AnsweredPart[] {
  const boundary = /boundary=([^;\s]+)/.exec(contentType ?? '')?.[1] ?? '';
  const parts: AnsweredPart[] = [];
  const visit = (content: string, separator: string, inChangeset: boolean): void => {
    for (const chunk of content.split(`--${separator}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const nested = /^\r\nContent-Type: multipart\/mixed; boundary=(\S+)/.exec(chunk);
      if (nested?.[1]) {
        visit(chunk, nested[1], true);
        continue;
      }
      const status = /HTTP\/1\.1 (\d{3})/.exec(chunk);
      const contentId = /Content-ID: (\S+)/.exec(chunk.split('HTTP/1.1')[0] ?? '');
      const body = chunk.split('\r\n\r\n').slice(2).join('\r\n\r\n').trim();
      parts.push({
        status: Number(status?.[1]),
        inChangeset,
        body,
        ...(contentId?.[1] ? { contentId: contentId[1] } : {}),
      });
    }
  };
  visit(text, boundary, false);
  return parts;
}
