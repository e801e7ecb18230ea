/** One MIME part: its headers (names lower-cased) and its body text. */
export interface MimePart {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** The `boundary` parameter of a `multipart/*` Content-Type, or undefined. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed\b/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Reads `Name: value` lines up to the first blank line; returns the headers and what follows. */
export function readHeaderBlock(lines: readonly string[]): { headers: Map<string, string>; rest: string[] } {
  const headers = new Map<string, string>();
  let index = 0;
  for (; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
      break;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, rest: lines.slice(index) };
}

/**
 * Splits a multipart body at its boundary. Accepts CRLF or bare LF line ends, ignores the
 * preamble and epilogue, and trims the line break that belongs to each delimiter.
 */
export function parseMultipart(body: string, boundary: string): MimePart[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const delimiter = `--${boundary}`;
  const parts: MimePart[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) {
        const { headers, rest } = readHeaderBlock(current);
        parts.push({ headers, body: rest.join('\n').replace(/\n+$/, '') });
      }
      if (trimmed.endsWith('--') && trimmed !== delimiter) return parts;
      current = [];
      continue;
    }
    current?.push(line);
  }
  return parts;
}
