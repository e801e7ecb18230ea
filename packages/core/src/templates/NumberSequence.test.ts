import { describe, expect, it } from 'vitest';
import { formatSequenceValue, matchesSequence, type NumberSequence } from './NumberSequence.js';

const accountNumber: NumberSequence = {
  name: 'account-number',
  prefix: 'ACC',
  start: 1000,
  digits: 5,
  suffixLength: 6,
};

/** Hands out the given letters in turn, so a value can be predicted. */
const lettersOf = (text: string) => {
  let next = 0;
  return () => text[next++ % text.length]!;
};

describe('formatSequenceValue', () => {
  it('gives the Prospect to cash shape: prefix, padded number, random suffix', () => {
    expect(formatSequenceValue(accountNumber, 1000, lettersOf('BVRCPS'))).toBe('ACC-01000-BVRCPS');
  });

  it('pads the number to the sequence digits and lets a larger number grow past them', () => {
    expect(formatSequenceValue(accountNumber, 7, lettersOf('A'))).toBe('ACC-00007-AAAAAA');
    expect(formatSequenceValue(accountNumber, 123456, lettersOf('A'))).toBe('ACC-123456-AAAAAA');
  });

  it('draws upper-case letters for the suffix by default', () => {
    const values = Array.from({ length: 20 }, () => formatSequenceValue(accountNumber, 1001));
    for (const value of values) expect(value).toMatch(/^ACC-01001-[A-Z]{6}$/);
    expect(new Set(values).size).toBeGreaterThan(1);
  });
});

describe('matchesSequence', () => {
  it('accepts what formatSequenceValue produces', () => {
    for (const value of [1, 1000, 99999, 1234567]) {
      expect(matchesSequence(accountNumber, formatSequenceValue(accountNumber, value))).toBe(true);
    }
    expect(matchesSequence(accountNumber, 'ACC-01000-BVRCPS')).toBe(true);
  });

  it.each([
    ['another prefix', 'CON-01000-BVRCPS'],
    ['a lower-case key', 'acc-01000-bvrcps'],
    ['too few digits', 'ACC-1000-BVRCPS'],
    ['a short suffix', 'ACC-01000-BVRCP'],
    ['a long suffix', 'ACC-01000-BVRCPSX'],
    ['digits in the suffix', 'ACC-01000-BVRCP5'],
    ['surrounding text', ' ACC-01000-BVRCPS'],
    ['a hand-typed number', 'Contoso 42'],
  ])('refuses %s', (_, key) => {
    expect(matchesSequence(accountNumber, key)).toBe(false);
  });

  it('takes the prefix literally', () => {
    const dotted: NumberSequence = { ...accountNumber, prefix: 'A.C' };
    expect(matchesSequence(dotted, 'A.C-01000-BVRCPS')).toBe(true);
    expect(matchesSequence(dotted, 'ABC-01000-BVRCPS')).toBe(false);
  });
});
