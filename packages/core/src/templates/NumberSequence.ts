import { randomInt } from 'node:crypto';

/**
 * A number sequence for natural keys, as Prospect to cash defines it: a prefix, an increasing
 * zero-padded number and a suffix of random upper-case letters (`ACC-01000-BVRCPS`). The state
 * store hands out the numbers, so no value is ever handed out twice across runs.
 */
export interface NumberSequence {
  /** The state store's name for the counter, e.g. `account-number`. */
  name: string;
  prefix: string;
  start: number;
  digits: number;
  suffixLength: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function formatSequenceValue(
  sequence: NumberSequence,
  value: number,
  randomLetter: () => string = () => LETTERS[randomInt(LETTERS.length)] ?? 'A',
): string {
  const suffix = Array.from({ length: sequence.suffixLength }, randomLetter).join('');
  return `${sequence.prefix}-${String(value).padStart(sequence.digits, '0')}-${suffix}`;
}

/** Whether `key` has the shape `formatSequenceValue` produces for this sequence. */
export function matchesSequence(sequence: NumberSequence, key: string): boolean {
  const prefix = sequence.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${prefix}-\\d{${sequence.digits},}-[A-Z]{${sequence.suffixLength}}$`);
  return pattern.test(key);
}
