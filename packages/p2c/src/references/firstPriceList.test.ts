import { RecordError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { findFirstPriceList, firstPriceListFor } from './firstPriceList.js';

const list = (pricelevelid: string, name: string, currency: string | null, statecode = 0) => ({
  pricelevelid,
  name,
  statecode,
  transactioncurrencyid: currency === null ? null : { isocurrencycode: currency },
});

describe('firstPriceListFor', () => {
  it('of two lists in the currency, takes the first by name', () => {
    const rows = [list('2', 'Zeta', 'USD'), list('1', 'Retail', 'USD'), list('3', 'Alpha', 'GBP')];
    expect(firstPriceListFor(rows, 'USD')).toEqual({ id: '1', name: 'Retail' });
    expect(firstPriceListFor(rows, ' gbp ')).toEqual({ id: '3', name: 'Alpha' });
  });

  it('leaves out inactive lists and lists without a currency', () => {
    const rows = [list('1', 'A inactive', 'USD', 1), list('2', 'B no currency', null), list('3', 'C', 'USD')];
    expect(firstPriceListFor(rows, 'USD').id).toBe('3');
  });

  it('fails with a clear reason when no list has the currency', () => {
    const rows = [list('1', 'Retail', 'USD')];
    let thrown: unknown;
    try {
      firstPriceListFor(rows, 'EUR');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordError);
    expect(thrown).toMatchObject({
      message: 'No price list in Sales has currency EUR',
      code: 'NO_PRICE_LIST',
      value: 'EUR',
    });
    expect(findFirstPriceList(rows, 'EUR')).toBeNull();
  });

  it('chooses the same list whichever order the rows come in (equal names: by id)', () => {
    const rows = [list('b', 'Same', 'USD'), list('a', 'Same', 'USD')];
    expect(firstPriceListFor(rows, 'USD').id).toBe('a');
    expect(firstPriceListFor([...rows].reverse(), 'USD').id).toBe('a');
  });
});

describe('findFirstPriceList', () => {
  it('is null for a currency no list has, and trims and ignores case of the code', () => {
    const rows = [list('1', 'Retail', 'usd')];
    expect(findFirstPriceList(rows, ' Usd ')).toEqual({ id: '1', name: 'Retail' });
    expect(findFirstPriceList(rows, 'EUR')).toBeNull();
  });

  it('passes over a row without an id for the next list in the currency', () => {
    const rows = [list('', 'A', 'USD'), list('2', 'B', 'USD')];
    expect(findFirstPriceList(rows, 'USD')?.id).toBe('2');
  });
});
