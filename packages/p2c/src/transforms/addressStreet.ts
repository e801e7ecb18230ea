import { isBlank, type NamedTransform } from '@p2c/core';

/**
 * The street of an F&O address from a CDS one: F&O keeps the street as one text of up to
 * three lines, Sales as `Line1`–`Line3`. Blank lines are dropped; no line at all is blank.
 */
export function addressStreet(address: 'Address1' | 'Address2'): NamedTransform {
  return (_value, { record }) => {
    const lines = [1, 2, 3]
      .map((n) => record[`${address}_Line${n}`])
      .filter((line) => !isBlank(line))
      .map((line) => String(line).trim());
    return lines.length === 0 ? null : lines.join('\n');
  };
}
