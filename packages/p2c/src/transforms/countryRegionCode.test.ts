import { RecordError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTRY_NAME_MAP, countryRegionCode, toAlpha3 } from './countryRegionCode.js';

const context = { field: 'AddressCountryRegionISOCode', record: {} };

describe('Country region code transform', () => {
  it.each([
    ['United States', 'USA'],
    ['germany', 'DEU'],
    ['DE', 'DEU'],
    ['DEU', 'DEU'],
    ['usa', 'USA'],
    ['  Netherlands ', 'NLD'],
    ['Deutschland', 'DEU'],
    ['Danmark', 'DNK'],
    ['United Kingdom', 'GBR'],
  ])('resolves %j to %s', (text, code) => {
    expect(toAlpha3(text)).toBe(code);
    expect(countryRegionCode(text, context)).toBe(code);
  });

  it('leaves a blank country blank, for the default to fill', () => {
    expect(countryRegionCode('', context)).toBeNull();
    expect(countryRegionCode(null, context)).toBeNull();
  });

  it('fails the record naming the value it cannot resolve', () => {
    expect(() => countryRegionCode('Atlantis', context)).toThrow(RecordError);
    expect(() => countryRegionCode('Atlantis', context)).toThrow(
      "AddressCountryRegionISOCode: cannot resolve the country 'Atlantis' to an ISO 3166 code",
    );
  });
});

describe('DEFAULT_COUNTRY_NAME_MAP', () => {
  it('names every F&O alpha-3 country as Sales shows it, and each name resolves back to its code', () => {
    expect(DEFAULT_COUNTRY_NAME_MAP['USA']).toBe('United States of America');
    expect(DEFAULT_COUNTRY_NAME_MAP['DEU']).toBe('Germany');
    expect(Object.keys(DEFAULT_COUNTRY_NAME_MAP).length).toBeGreaterThan(240);
    for (const [code, name] of Object.entries(DEFAULT_COUNTRY_NAME_MAP)) expect(toAlpha3(name)).toBe(code);
  });
});
