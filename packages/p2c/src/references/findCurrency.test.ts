import { describe, expect, it } from 'vitest';
import { findCurrency } from './findCurrency.js';

const currencies = [
  { transactioncurrencyid: 'c1', isocurrencycode: 'USD' },
  { transactioncurrencyid: 'c2', isocurrencycode: ' eur ' },
];

describe('findCurrency', () => {
  it('finds the row of an ISO code whatever its case and spaces', () => {
    expect(findCurrency(currencies, 'usd ')?.['transactioncurrencyid']).toBe('c1');
    expect(findCurrency(currencies, 'EUR')?.['transactioncurrencyid']).toBe('c2');
  });

  it('is undefined for a code Sales does not have', () => {
    expect(findCurrency(currencies, 'GBP')).toBeUndefined();
    expect(findCurrency([], 'USD')).toBeUndefined();
  });
});
