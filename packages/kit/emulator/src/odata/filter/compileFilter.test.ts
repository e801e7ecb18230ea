import { describe, expect, it } from 'vitest';
import type { EntityModel, RowReader } from '../EntityModel.js';
import { compileFilter } from './compileFilter.js';
import { parseFilter } from './parseFilter.js';

type Row = Record<string, unknown>;

const currency: EntityModel = {
  typeName: 'Test.currency',
  properties: { isocurrencycode: { type: 'Edm.String' } },
};

const model: EntityModel = {
  typeName: 'Test.row',
  properties: {
    name: { type: 'Edm.String' },
    count: { type: 'Edm.Int32' },
    amount: { type: 'Edm.Decimal' },
    active: { type: 'Edm.Boolean' },
    id: { type: 'Edm.Guid' },
    modifiedon: { type: 'Edm.DateTimeOffset' },
    flag: { type: { enumType: 'Microsoft.Dynamics.DataEntities.NoYes', members: ['No', 'Yes'] } },
  },
  navigation: { currency },
};

const reader: RowReader<Row> = {
  value: (row, property) => row[property] ?? null,
  navigate: (row, navigation) => (row[navigation] as Row | undefined) ?? null,
};

const rows: Row[] = [
  {
    name: "O'Brien Ltd",
    count: 5,
    amount: 10.5,
    active: true,
    id: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
    modifiedon: '2026-01-02T10:00:00Z',
    flag: 'Yes',
    currency: { isocurrencycode: 'EUR' },
  },
  {
    name: 'Contoso',
    count: 12,
    amount: 0,
    active: false,
    id: '00000000-0000-0000-0000-000000000001',
    modifiedon: '2025-12-31T23:59:59Z',
    flag: 'No',
  },
  { name: null, count: null, amount: null, active: false, id: null, modifiedon: null, flag: 'No' },
];

function names(filter: string, options: { wildcardEquals?: boolean } = {}): unknown[] {
  const predicate = compileFilter(filter, model, reader, options);
  return rows.filter(predicate).map((row) => row['name']);
}

describe('parseFilter', () => {
  it('gives and a higher precedence than or', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({
      kind: 'logical',
      operator: 'or',
      right: { kind: 'logical', operator: 'and' },
    });
  });

  it('reads a doubled quote inside a string literal as one quote', () => {
    expect(parseFilter("name eq 'O''Brien'")).toMatchObject({
      right: { kind: 'literal', literal: { type: 'Edm.String', value: "O'Brien" } },
    });
  });

  it('types GUID, DateTimeOffset, number and enum literals', () => {
    const literal = (text: string) => (parseFilter(`x eq ${text}`) as { right: { literal: unknown } }).right.literal;
    expect(literal('6F9619FF-8B86-D011-B42D-00C04FC964FF')).toEqual({
      type: 'Edm.Guid',
      value: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
    });
    expect(literal('2026-01-01T00:00:00Z')).toEqual({ type: 'Edm.DateTimeOffset', value: '2026-01-01T00:00:00Z' });
    expect(literal('42')).toEqual({ type: 'Edm.Int32', value: 42 });
    expect(literal('-1.5')).toEqual({ type: 'Edm.Decimal', value: -1.5 });
    expect(literal("Microsoft.Dynamics.DataEntities.NoYes'Yes'")).toEqual({
      type: 'enum',
      enumType: 'Microsoft.Dynamics.DataEntities.NoYes',
      value: 'Yes',
    });
  });

  it('refuses malformed text with the position of the problem', () => {
    expect(() => parseFilter("name eqq 'x'")).toThrow("Syntax error at position 5 in 'name eqq 'x''.");
    expect(() => parseFilter('(name eq 1')).toThrow('Syntax error at position 10');
    expect(() => parseFilter("name eq 'open")).toThrow('There is an unterminated string literal');
    expect(() => parseFilter('')).toThrow('Syntax error');
  });
});

describe('compileFilter', () => {
  it('compares strings without regard to case, as SQL Server does', () => {
    expect(names("name eq 'contoso'")).toEqual(['Contoso']);
    expect(names("name eq 'O''Brien LTD'")).toEqual(["O'Brien Ltd"]);
  });

  it('evaluates eq ne gt ge lt le on numbers', () => {
    expect(names('count gt 5')).toEqual(['Contoso']);
    expect(names('count ge 5')).toEqual(["O'Brien Ltd", 'Contoso']);
    expect(names('count lt 12')).toEqual(["O'Brien Ltd"]);
    expect(names('count le 12 and amount ne 0')).toEqual(["O'Brien Ltd"]);
  });

  it('treats eq null as IS NULL and comparisons with a null value as unknown', () => {
    expect(names('name eq null')).toEqual([null]);
    expect(names('name ne null')).toEqual(["O'Brien Ltd", 'Contoso']);
    // SQL semantics: NULL <> 'Contoso' is unknown, so the row without a name is not returned.
    expect(names("name ne 'Contoso'")).toEqual(["O'Brien Ltd"]);
    expect(names("not (name eq 'Contoso')")).toEqual(["O'Brien Ltd"]);
  });

  it('supports and, or, not and parentheses', () => {
    expect(names("(name eq 'Contoso' or count eq 5) and active eq true")).toEqual(["O'Brien Ltd"]);
    expect(names('not active')).toEqual(['Contoso', null]);
    expect(names("not (count gt 5 or name eq 'x')")).toEqual(["O'Brien Ltd"]);
  });

  it('supports contains, startswith and endswith, ignoring case', () => {
    expect(names("contains(name,'brien')")).toEqual(["O'Brien Ltd"]);
    expect(names("startswith(name,'CON')")).toEqual(['Contoso']);
    expect(names("endswith(name,'ltd')")).toEqual(["O'Brien Ltd"]);
    expect(names("not contains(name,'o')")).toEqual([]);
  });

  it('compares GUIDs and DateTimeOffset values', () => {
    expect(names('id eq 6F9619FF-8B86-D011-B42D-00C04FC964FF')).toEqual(["O'Brien Ltd"]);
    expect(names('modifiedon ge 2026-01-01T00:00:00Z')).toEqual(["O'Brien Ltd"]);
    expect(names('modifiedon lt 2026-01-01T01:00:00+01:00')).toEqual(['Contoso']);
  });

  it('compares F&O enums only with enum literals', () => {
    expect(names("flag eq Microsoft.Dynamics.DataEntities.NoYes'Yes'")).toEqual(["O'Brien Ltd"]);
    expect(() => names("flag eq 'Yes'")).toThrow(
      "A binary operator with incompatible types was detected. Found operand types 'Microsoft.Dynamics.DataEntities.NoYes' and 'Edm.String' for operator kind 'Equal'.",
    );
    expect(() => names("flag eq Microsoft.Dynamics.DataEntities.NoYes'Maybe'")).toThrow(
      "The string 'Maybe' is not a valid enumeration type constant.",
    );
  });

  it('follows a single-valued navigation property', () => {
    expect(names("currency/isocurrencycode eq 'eur'")).toEqual(["O'Brien Ltd"]);
  });

  it('names an unknown property', () => {
    expect(() => names("nmae eq 'x'")).toThrow("Could not find a property named 'nmae' on type 'Test.row'.");
    expect(() => names("currency/code eq 'x'")).toThrow(
      "Could not find a property named 'code' on type 'Test.currency'.",
    );
  });

  it('refuses operands of incompatible types and non-boolean filters', () => {
    expect(() => names('name eq 5')).toThrow(
      "Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.",
    );
    expect(() => names("id eq '6f9619ff-8b86-d011-b42d-00c04fc964ff'")).toThrow("'Edm.Guid' and 'Edm.String'");
    expect(() => names('name')).toThrow('The $filter expression must evaluate to a single boolean value.');
    expect(() => names("substringof('a',name)")).toThrow("An unknown function with name 'substringof' was found.");
    expect(() => names('not name')).toThrow("Found operand type 'Edm.String' for operator kind 'Not'.");
  });

  it('treats * in an eq string as a wildcard only when asked (F&O)', () => {
    expect(names("name eq 'Con*'", { wildcardEquals: true })).toEqual(['Contoso']);
    expect(names("name ne '*ltd'", { wildcardEquals: true })).toEqual(['Contoso']);
    expect(names("name eq 'Con*'")).toEqual([]);
  });
});
