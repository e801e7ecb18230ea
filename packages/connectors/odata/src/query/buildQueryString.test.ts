import { ConfigError } from '@p2c/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifier, trickyText } from '../../test/support/trickyText.js';
import { formatKeyLiteral } from '../keys/formatKeyLiteral.js';
import { buildQueryString } from './buildQueryString.js';

describe('buildQueryString', () => {
  it('is empty for no options', () => {
    expect(buildQueryString({})).toBe('');
    expect(buildQueryString({ select: [], filter: '' })).toBe('');
  });

  it('writes the system query options in a fixed order, encoded', () => {
    expect(
      buildQueryString({
        count: true,
        top: 10,
        orderby: ['modifiedon desc', 'name'],
        filter: `accountnumber eq ${formatKeyLiteral("O'Brien & Co")} and statecode eq 0`,
        select: ['name', 'accountnumber'],
        skip: 20,
        expand: 'primarycontactid($select=fullname)',
      }),
    ).toBe(
      "$select=name,accountnumber&$filter=accountnumber%20eq%20'O''Brien%20%26%20Co'%20and%20statecode%20eq%200" +
        '&$orderby=modifiedon%20desc,name&$expand=primarycontactid($select%3Dfullname)&$top=10&$skip=20&$count=true',
    );
  });

  it("adds F&O's cross-company flag", () => {
    expect(buildQueryString({ crossCompany: true, filter: "dataAreaId eq 'usmf'" })).toBe(
      "$filter=dataAreaId%20eq%20'usmf'&cross-company=true",
    );
    expect(buildQueryString({ crossCompany: false })).toBe('');
  });

  it('encodes + and # so they are not read as space or fragment', () => {
    expect(buildQueryString({ filter: "name eq 'a+b#c'" })).toBe("$filter=name%20eq%20'a%2Bb%23c'");
  });

  it('appends extra parameters last', () => {
    expect(buildQueryString({ top: 1, extra: { 'api-version': '1', $apply: 'groupby((name))' } })).toBe(
      '$top=1&api-version=1&$apply=groupby((name))',
    );
  });

  it('refuses negative or fractional $top and $skip', () => {
    expect(() => buildQueryString({ top: -1 })).toThrow(ConfigError);
    expect(() => buildQueryString({ skip: 1.5 })).toThrow(ConfigError);
  });
});

describe('buildQueryString (properties, seed 42)', () => {
  const options = fc.record({
    select: fc.array(trickyText({ minLength: 1 }), { maxLength: 3 }),
    filter: trickyText(),
    orderby: fc.array(trickyText({ minLength: 1 }), { maxLength: 2 }),
    expand: trickyText(),
    extra: fc
      .array(fc.tuple(fc.oneof(identifier, trickyText({ minLength: 1 })), trickyText()), { maxLength: 3 })
      .map((pairs) => Object.fromEntries(pairs)),
  });

  it('keeps every value whole: no raw & # + = inside a value, and a standard parser reads back each parameter', () => {
    fc.assert(
      fc.property(options, (query) => {
        const text = buildQueryString(query);
        const expected: [string, string][] = [];
        if (query.select.length > 0) expected.push(['$select', query.select.join(',')]);
        if (query.filter !== '') expected.push(['$filter', query.filter]);
        if (query.orderby.length > 0) expected.push(['$orderby', query.orderby.join(',')]);
        if (query.expand !== '') expected.push(['$expand', query.expand]);
        expected.push(...Object.entries(query.extra));

        // A '#' would end the URL's query; '&' and '=' appear only as separators; '+' would read as a space.
        expect(text).not.toMatch(/[#+\s]/);
        const parts = text === '' ? [] : text.split('&');
        expect(parts).toHaveLength(expected.length);
        for (const part of parts) expect(part.split('=')).toHaveLength(2);
        expect([...new URLSearchParams(text)]).toEqual(expected);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
