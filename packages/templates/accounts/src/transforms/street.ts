import { isBlank, type NamedTransform } from '@p2c/core';

/** F&O keeps an address's street as one text of up to three lines; Sales keeps three fields. */
export function streetOf(address: 'Address1' | 'Address2'): NamedTransform {
  return (_value, { record }) => {
    const lines = [1, 2, 3]
      .map((n) => record[`${address}_Line${n}`])
      .filter((line) => !isBlank(line))
      .map((line) => String(line).trim());
    return lines.length === 0 ? null : lines.join('\n');
  };
}
