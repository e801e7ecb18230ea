import type { NumberSequence } from '@p2c/core';

/**
 * The Contact Number sequence of the Prospect to cash solution for Sales, shaped like the
 * account one: `CON-01000-BVRCPS`. Contacts and Contacts to Customer share it, so a contact
 * gets one number whichever template numbers it first.
 */
export const contactNumberSequence: NumberSequence = {
  name: 'contact-number',
  prefix: 'CON',
  start: 1000,
  digits: 5,
  suffixLength: 6,
};
