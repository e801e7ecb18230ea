import { randomInt } from 'node:crypto';
import { z } from 'zod';

/**
 * A number sequence for natural keys, as Prospect to cash defines it: a prefix, an increasing
 * zero-padded number and a suffix of random upper-case letters (`ACC-01000-BVRCPS`). The state
 * store hands out the numbers, so no value is ever handed out twice across runs.
 */
export const numberSequenceSchema = z.object({
  /** The state store's name for the counter, e.g. `account-number`. */
  name: z.string().min(1),
  prefix: z.string(),
  start: z.number().int().nonnegative(),
  digits: z.number().int().positive(),
  suffixLength: z.number().int().nonnegative(),
});
export type NumberSequence = z.infer<typeof numberSequenceSchema>;

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
