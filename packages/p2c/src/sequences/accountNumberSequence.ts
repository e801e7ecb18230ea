import type { NumberSequence } from '@p2c/core';

/**
 * The Account Number sequence of the Prospect to cash solution for Sales: `ACC`, an increasing
 * five-digit number from 01000, and six random upper-case letters (`ACC-01000-BVRCPS`).
 */
export const accountNumberSequence: NumberSequence = {
  name: 'account-number',
  prefix: 'ACC',
  start: 1000,
  digits: 5,
  suffixLength: 6,
};
