import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RecordedMessage {
  /** `POST https://... HTTP/1.1` or `HTTP/1.1 200 OK`. */
  startLine: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The body, byte for byte (line endings untouched). */
  body: string;
}

/** Reads a recorded HTTP message from test/fixtures: start line, headers, blank line, body. */
export function recordedMessage(name: string): RecordedMessage {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
  const match = /\r?\n\r?\n/.exec(text);
  if (match === null) throw new Error(`${name}: no blank line after the headers`);
  const [startLine = '', ...headerLines] = text.slice(0, match.index).split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { startLine, headers, body: text.slice(match.index + match[0].length) };
}

/** The status code of a recorded response. */
export function recordedStatus(message: RecordedMessage): number {
  return Number(/^HTTP\/\S+\s+(\d{3})/.exec(message.startLine)?.[1]);
}
