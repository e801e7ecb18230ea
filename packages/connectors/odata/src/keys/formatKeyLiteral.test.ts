import { ConfigError } from '@p2c/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trickyText } from '../../test/support/trickyText.js';
import { formatKeyLiteral } from './formatKeyLiteral.js';
import { guid } from './Guid.js';

describe('formatKeyLiteral', () => {
  it('quotes strings and doubles embedded quotes', () => {
    expect(formatKeyLiteral('ACC-01000-BVRCPS')).toBe("'ACC-01000-BVRCPS'");
    expect(formatKeyLiteral("O'Brien")).toBe("'O''Brien'");
    expect(formatKeyLiteral("''")).toBe("''''''");
    expect(formatKeyLiteral('')).toBe("''");
  });

  it('writes numbers, booleans and null bare', () => {
    expect(formatKeyLiteral(42)).toBe('42');
    expect(formatKeyLiteral(-1.5)).toBe('-1.5');
    expect(formatKeyLiteral(true)).toBe('true');
    expect(formatKeyLiteral(false)).toBe('false');
    expect(formatKeyLiteral(null)).toBe('null');
  });

  it('writes GUIDs bare, and only when marked as such', () => {
    const id = '00000000-0000-0000-0000-000000000001';
    expect(formatKeyLiteral(guid(id))).toBe(id);
    expect(formatKeyLiteral(id)).toBe(`'${id}'`);
  });

  it('refuses numbers OData cannot write', () => {
    expect(() => formatKeyLiteral(Number.NaN)).toThrow(ConfigError);
    expect(() => formatKeyLiteral(Number.POSITIVE_INFINITY)).toThrow(ConfigError);
  });
});

describe('guid', () => {
  it('normalises braces and case', () => {
    expect(guid('{A1B2C3D4-0000-0000-0000-00000000000F}').value).toBe('a1b2c3d4-0000-0000-0000-00000000000f');
  });

  it('refuses what is not a GUID', () => {
    expect(() => guid('ACC-01000-BVRCPS')).toThrow(ConfigError);
    expect(() => guid('00000000-0000-0000-0000-00000000000')).toThrow(/Not a GUID/);
  });
});

describe('formatKeyLiteral (properties, seed 42)', () => {
  it('writes any string as one quoted literal whose un-doubling gives the string back', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText(), fc.string({ unit: 'binary' }), fc.string()), (text) => {
        const literal = formatKeyLiteral(text);
        // One literal: quote, then only non-quotes or doubled quotes, then quote.
        expect(literal).toMatch(/^'(?:[^']|'')*'$/s);
        expect(literal.slice(1, -1).replaceAll("''", "'")).toBe(text);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
