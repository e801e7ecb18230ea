import { ODataQueryError } from '../ODataQueryError.js';

export type FilterToken =
  | { readonly kind: 'identifier'; readonly text: string; readonly position: number }
  | { readonly kind: 'string'; readonly value: string; readonly position: number }
  | { readonly kind: 'enum'; readonly enumType: string; readonly value: string; readonly position: number }
  | { readonly kind: 'number'; readonly text: string; readonly position: number }
  | { readonly kind: 'guid'; readonly text: string; readonly position: number }
  | { readonly kind: 'datetime'; readonly text: string; readonly position: number }
  | { readonly kind: 'date'; readonly text: string; readonly position: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ',' | '/'; readonly position: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z_])/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})(?![0-9A-Za-z_])/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![0-9A-Za-z_:T])/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![0-9A-Za-z_])/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_.]*/;

export function syntaxError(text: string, position: number): ODataQueryError {
  return new ODataQueryError(`Syntax error at position ${position} in '${text}'.`);
}

/** Reads a quoted literal starting at `start` (the opening quote); doubled quotes escape one. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === "'") {
      if (text[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    value += char;
    index += 1;
  }
  throw new ODataQueryError(`There is an unterminated string literal at position ${text.length} in '${text}'.`);
}

/** Splits `$filter` text into tokens; keywords stay identifiers for the parser to recognise. */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',' || char === '/') {
      tokens.push({ kind: 'punctuation', text: char, position: index });
      index += 1;
      continue;
    }
    if (char === "'") {
      const { value, end } = readQuoted(text, index);
      tokens.push({ kind: 'string', value, position: index });
      index = end;
      continue;
    }
    const rest = text.slice(index);
    const guid = GUID.exec(rest);
    if (guid) {
      tokens.push({ kind: 'guid', text: guid[0], position: index });
      index += guid[0].length;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ kind: 'datetime', text: datetime[0], position: index });
      index += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], position: index });
      index += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], position: index });
      index += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      const name = identifier[0];
      const after = index + name.length;
      // A qualified name directly followed by a quote is an enum literal: Ns.Type'Member'.
      if (text[after] === "'" && name.includes('.')) {
        const { value, end } = readQuoted(text, after);
        tokens.push({ kind: 'enum', enumType: name, value, position: index });
        index = end;
        continue;
      }
      tokens.push({ kind: 'identifier', text: name, position: index });
      index = after;
      continue;
    }
    throw syntaxError(text, index);
  }
  return tokens;
}
