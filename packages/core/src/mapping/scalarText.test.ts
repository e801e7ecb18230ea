import { describe, expect, it } from 'vitest';
import { scalarText } from './scalarText.js';

describe('scalarText', () => {
  it('gives a string as it is and writes out numbers and booleans', () => {
    expect(scalarText(' USD ')).toBe(' USD ');
    expect(scalarText('')).toBe('');
    expect(scalarText(12.5)).toBe('12.5');
    expect(scalarText(0)).toBe('0');
    expect(scalarText(false)).toBe('false');
  });

  it('gives null for nothing and for values that are not scalars', () => {
    expect(scalarText(null)).toBeNull();
    expect(scalarText(undefined)).toBeNull();
    expect(scalarText({ id: 1 })).toBeNull();
    expect(scalarText(['a'])).toBeNull();
  });
});
