import { describe, expect, it } from 'vitest';
import { printable, printableJson } from './printable.js';

describe('printable', () => {
  it('shows terminal controls escaped: ESC sequences, BEL, CR, DEL and C1', () => {
    expect(printable('Contoso\u001b]0;pwned\u0007 \u001b[2J\r\u007f\u009b31m')).toBe(
      'Contoso\\u001b]0;pwned\\u0007 \\u001b[2J\\u000d\\u007f\\u009b31m',
    );
  });

  it('shows bidi overrides, isolates and zero-width characters escaped', () => {
    expect(printable('ACC-1\u202e\u2066x\u2069\u200e\u200b\u2060\ufeff\u00ad\u2028')).toBe(
      'ACC-1\\u202e\\u2066x\\u2069\\u200e\\u200b\\u2060\\ufeff\\u00ad\\u2028',
    );
  });

  it('shows tag characters and unpaired surrogates escaped by code point', () => {
    expect(printable('a\u{e0041}b\ud800c\udc00')).toBe('a\\u{e0041}b\\ud800c\\udc00');
  });

  it('leaves tab, newline, backslashes and every printable script as they are', () => {
    const text = 'Müller GmbH\t東京\nC:\\temp 👨\u200d👩\u200d👧 می\u200cخواهم €';
    expect(printable(text)).toBe(text);
  });
});

describe('printableJson', () => {
  it('escapes the same characters as JSON escapes, so the value parses back exactly', () => {
    const value = { name: 'a\u001b[2J\u009b\u007f\u202e\u200b\u{e0041}\ud800 ok', n: 1 };
    const json = printableJson(JSON.stringify(value));
    expect(json).toBe('{"name":"a\\u001b[2J\\u009b\\u007f\\u202e\\u200b\\udb40\\udc41\\ud800 ok","n":1}');
    expect(JSON.parse(json)).toEqual(value);
  });
});
