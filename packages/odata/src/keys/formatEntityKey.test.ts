import { ConfigError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/support/seededRandom.js';
import { formatEntityKey } from './formatEntityKey.js';
import { guid } from './Guid.js';

describe('formatEntityKey', () => {
  it('writes a Dataverse alternate key with the quote doubled', () => {
    expect(formatEntityKey({ accountnumber: "O'Brien" })).toBe("(accountnumber='O''Brien')");
    expect(`accounts${formatEntityKey({ accountnumber: 'ACC-01000-BVRCPS' })}`).toBe(
      "accounts(accountnumber='ACC-01000-BVRCPS')",
    );
  });

  it('writes an F&O composite key in the given order', () => {
    expect(formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: 'ACC-01000-BVRCPS' })).toBe(
      "(dataAreaId='usmf',CustomerAccount='ACC-01000-BVRCPS')",
    );
  });

  it('writes a Dataverse primary key GUID unquoted, and a GUID-looking string quoted', () => {
    const id = '00000000-0000-0000-0000-000000000001';
    expect(formatEntityKey(guid(id))).toBe(`(${id})`);
    expect(formatEntityKey({ accountid: guid(id) })).toBe(`(accountid=${id})`);
    expect(formatEntityKey(id)).toBe(`('${id}')`);
  });

  it('writes single string, number and boolean keys', () => {
    expect(formatEntityKey('ALFKI')).toBe("('ALFKI')");
    expect(formatEntityKey(42)).toBe('(42)');
    expect(formatEntityKey({ id: 7, active: true })).toBe('(id=7,active=true)');
  });

  it('percent-encodes what would break a URL path, keeping quotes readable', () => {
    expect(formatEntityKey({ CustomerAccount: 'A/B ?#%&+' })).toBe("(CustomerAccount='A%2FB%20%3F%23%25%26%2B')");
    expect(formatEntityKey("Zoë's")).toBe("('Zo%C3%AB''s')");
  });

  it('refuses an empty key and bad property names', () => {
    expect(() => formatEntityKey({})).toThrow(ConfigError);
    expect(() => formatEntityKey({ "a'b": 'x' })).toThrow(ConfigError);
  });
});

/** A reference reader for the key syntax, written independently of the formatter. */
function parseKey(segment: string): Record<string, string | number | boolean | null> | string | number | boolean | null {
  const text = segment;
  let index = 0;
  const expect = (char: string) => {
    if (text[index] !== char) throw new Error(`expected ${char} at ${index} in ${text}`);
    index += 1;
  };
  const literal = (): string | number | boolean | null => {
    if (text[index] === "'") {
      index += 1;
      let out = '';
      for (;;) {
        const char = text[index];
        if (char === undefined) throw new Error(`unterminated string in ${text}`);
        if (char === "'") {
          if (text[index + 1] === "'") {
            out += "'";
            index += 2;
            continue;
          }
          index += 1;
          return decodeURIComponent(out);
        }
        out += char;
        index += 1;
      }
    }
    const start = index;
    while (index < text.length && text[index] !== ',' && text[index] !== ')') index += 1;
    const bare = text.slice(start, index);
    if (bare === 'true' || bare === 'false') return bare === 'true';
    if (bare === 'null') return null;
    return Number(bare);
  };
  expect('(');
  let result: Record<string, string | number | boolean | null> | string | number | boolean | null;
  const nameMatch = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(text.slice(index));
  if (nameMatch === null) {
    result = literal();
  } else {
    const record: Record<string, string | number | boolean | null> = {};
    for (;;) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))?.[0] ?? '';
      index += name.length;
      expect('=');
      record[name] = literal();
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      break;
    }
    result = record;
  }
  expect(')');
  if (index !== text.length) throw new Error(`trailing text in ${text}`);
  return result;
}

describe('formatEntityKey round trips (generated strings)', () => {
  const alphabet = [..."abcXYZ019 '''\"/?#%&+=,()*!$;:@-_.~\\\t\n", 'é', 'ß', '€', '日', '🙂'];
  const random = seededRandom(20240611);
  const randomString = () => {
    const length = Math.floor(random() * 12);
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)] ?? '';
    return out;
  };

  it('reads back every generated value, and no two values share a key segment', () => {
    const seen = new Map<string, string>();
    for (let i = 0; i < 3000; i += 1) {
      const value = randomString();
      const segment = formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: value });
      // Only characters legal in a URL path segment (RFC 3986 pchar) appear.
      expect(segment).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/);
      expect(parseKey(segment)).toEqual({ dataAreaId: 'usmf', CustomerAccount: value });
      const single = formatEntityKey(value);
      expect(parseKey(single)).toBe(value);
      const previous = seen.get(single);
      if (previous !== undefined) expect(previous).toBe(value);
      seen.set(single, value);
    }
  });

  it('reads back mixed-type composite keys', () => {
    for (let i = 0; i < 500; i += 1) {
      const key = { a: randomString(), n: Math.floor(random() * 1e6) - 5e5, b: random() < 0.5, c: randomString() };
      expect(parseKey(formatEntityKey(key))).toEqual(key);
    }
  });
});
