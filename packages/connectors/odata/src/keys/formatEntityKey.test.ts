import { ConfigError } from '@p2c/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityKey as parseKey } from '../../test/support/parseEntityKey.js';
import { seededRandom } from '../../test/support/seededRandom.js';
import { identifier, trickyText } from '../../test/support/trickyText.js';
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

describe('formatEntityKey round trips (generated strings)', () => {
  // ASCII split into characters, then the wider characters one by one.
  const alphabet = [..."abcXYZ019 '''\"/?#%&+=,()*!$;:@-_.~\\\t\n".split(''), 'é', 'ß', '€', '日', '🙂'];
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
      expect(parseKey(segment)).toEqual([
        ['dataAreaId', 'usmf'],
        ['CustomerAccount', value],
      ]);
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
      expect(parseKey(formatEntityKey(key))).toEqual(Object.entries(key));
    }
  });
});

describe('formatEntityKey (properties, seed 42)', () => {
  const value = fc.oneof(
    { weight: 4, arbitrary: trickyText() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.boolean() },
  );
  const compositeKey = fc
    .uniqueArray(fc.tuple(identifier, value), { minLength: 1, maxLength: 4, selector: ([name]) => name })
    .map((pairs) => Object.fromEntries(pairs) as Record<string, string | number | boolean>);
  /** Only characters legal in a URL path segment (RFC 3986 pchar). */
  const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/;

  it('writes composite keys that read back to the same properties, values and order', () => {
    fc.assert(
      fc.property(compositeKey, (key) => {
        const segment = formatEntityKey(key);
        expect(segment).toMatch(PCHAR);
        expect(parseKey(segment)).toEqual(Object.entries(key));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('never writes the same segment for two different keys', () => {
    fc.assert(
      fc.property(compositeKey, compositeKey, (a, b) => {
        fc.pre(JSON.stringify(Object.entries(a)) !== JSON.stringify(Object.entries(b)));
        expect(formatEntityKey(a)).not.toBe(formatEntityKey(b));
      }),
      { seed: 42, numRuns: 1000 },
    );
    // Near misses a random pair rarely hits: a value that spells out the next property.
    fc.assert(
      fc.property(trickyText(), trickyText(), (x, y) => {
        const split = formatEntityKey({ a: x, b: y });
        expect(formatEntityKey({ a: `${x}',b='${y}` })).not.toBe(split);
        expect(formatEntityKey({ a: `${x}'`, b: y })).not.toBe(split);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('writes any single string key so that it reads back', () => {
    fc.assert(
      fc.property(trickyText(), (text) => {
        expect(parseKey(formatEntityKey(text))).toBe(text);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('refuses a key holding half a surrogate pair as a record error, so that record fails alone', () => {
    expect(() => formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: 'ACC-\ud800' })).toThrow(
      expect.objectContaining({ kind: 'record', code: 'KEY_NOT_ENCODABLE' }),
    );
  });
});
