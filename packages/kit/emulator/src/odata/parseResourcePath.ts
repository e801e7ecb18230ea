import { ODataQueryError } from './ODataQueryError.js';

type KeyValue = string | number;

export type KeySegment =
  | { readonly kind: 'single'; readonly value: KeyValue; readonly raw: string }
  | { readonly kind: 'named'; readonly values: ReadonlyMap<string, KeyValue>; readonly raw: string };

export interface ResourcePath {
  readonly entitySet: string;
  readonly key?: KeySegment;
  /** Segments after the entity set or key, e.g. ['$count']. */
  readonly rest: readonly string[];
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function keyValue(text: string, raw: string): KeyValue {
  const trimmed = text.trim();
  if (trimmed.startsWith("'")) {
    if (trimmed.length < 2 || !trimmed.endsWith("'")) throw badKey(raw);
    const inner = trimmed.slice(1, -1);
    // Inside a literal every quote must be doubled.
    if (inner.replace(/''/g, '').includes("'")) throw badKey(raw);
    return inner.replace(/''/g, "'");
  }
  if (GUID.test(trimmed)) return trimmed.toLowerCase();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  throw badKey(raw);
}

function badKey(raw: string): ODataQueryError {
  return new ODataQueryError(`Bad Request - Error in query syntax. The key segment '(${raw})' is not valid.`);
}

/** Splits `a=1,b='x,y'` at the commas that are outside quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

export function parseKeySegment(raw: string): KeySegment {
  const parts = splitOutsideQuotes(raw, ',');
  const first = parts[0] ?? '';
  if (parts.length === 1 && !/^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(first)) {
    return { kind: 'single', value: keyValue(first, raw), raw };
  }
  const values = new Map<string, KeyValue>();
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 0) throw badKey(raw);
    const name = part.slice(0, equals).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || values.has(name)) throw badKey(raw);
    values.set(name, keyValue(part.slice(equals + 1), raw));
  }
  return { kind: 'named', values, raw };
}

/**
 * Parses the part of a URL path after the service root: `accounts(accountnumber='A(1)')/x`.
 * Expects a percent-decoded path; parentheses inside quoted literals do not end the key.
 */
export function parseResourcePath(path: string): ResourcePath {
  const open = path.search(/[(/]/);
  if (open < 0 || path[open] === '/') {
    const [entitySet = '', ...rest] = path.split('/');
    return { entitySet, rest: rest.filter((segment) => segment.length > 0) };
  }
  const entitySet = path.slice(0, open);
  let quoted = false;
  let close = -1;
  for (let index = open + 1; index < path.length; index += 1) {
    const char = path[index];
    if (char === "'") quoted = !quoted;
    else if (char === ')' && !quoted) {
      close = index;
      break;
    }
  }
  if (close < 0) throw badKey(path.slice(open + 1));
  const key = parseKeySegment(path.slice(open + 1, close));
  const rest = path
    .slice(close + 1)
    .split('/')
    .filter((segment) => segment.length > 0);
  return { entitySet, key, rest };
}
