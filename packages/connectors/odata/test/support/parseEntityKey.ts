export type ParsedLiteral = string | number | boolean | null;

/**
 * A strict reader for key segments, written independently of the formatter: `('a''b')` gives the
 * string, `(name='x',n=1)` the [name, value] pairs in order. It throws on anything that is not
 * exactly one key segment (unterminated string, a stray quote, trailing text), so a segment two
 * different keys could produce would show up as a failed round trip.
 */
export function parseEntityKey(segment: string): ParsedLiteral | [string, ParsedLiteral][] {
  const text = segment;
  let index = 0;
  const expect = (char: string) => {
    if (text[index] !== char) throw new Error(`expected ${char} at ${index} in ${text}`);
    index += 1;
  };
  const literal = (): ParsedLiteral => {
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
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(bare)) throw new Error(`not a literal: ${bare} in ${text}`);
    return Number(bare);
  };
  expect('(');
  let result: ParsedLiteral | [string, ParsedLiteral][];
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(text.slice(index))) {
    const pairs: [string, ParsedLiteral][] = [];
    for (;;) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index))?.[0] ?? '';
      index += name.length;
      expect('=');
      pairs.push([name, literal()]);
      if (text[index] !== ',') break;
      index += 1;
    }
    result = pairs;
  } else {
    result = literal();
  }
  expect(')');
  if (index !== text.length) throw new Error(`trailing text in ${text}`);
  return result;
}
