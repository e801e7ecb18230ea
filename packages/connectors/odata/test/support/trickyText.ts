import fc from 'fast-check';

/** Characters with a meaning in OData literals, URL paths or query strings. */
const SPECIAL = [
  "'",
  "''",
  '"',
  '(',
  ')',
  ',',
  '=',
  '&',
  '#',
  '+',
  '?',
  '/',
  '\\',
  '%',
  '%25',
  '%27',
  ' ',
  ';',
  ':',
  '@',
  '$',
  '\t',
  '\n',
];

/**
 * Strings of any Unicode code points (no lone surrogates, which cannot be URL-encoded), with the
 * characters that matter to OData and URLs drawn far more often than chance would.
 */
export function trickyText(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
  return fc
    .array(unit, { minLength: constraints.minLength ?? 0, maxLength: constraints.maxLength ?? 20 })
    .map((units) => units.join(''));
}

/** Property names a key or query option can carry: OData identifiers. */
export const identifier: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
