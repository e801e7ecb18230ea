import { describe, expect, it } from 'vitest';
import { columnFor, holdsValues } from './rowComparison.js';

const CURRENCY = '7a3c2f10-5b1e-4c6a-9d0e-000000000978';

describe('holdsValues', () => {
  it('takes an empty text for the null Dataverse reads back', () => {
    expect(holdsValues({ telephone1: null }, { telephone1: '' })).toBe(true);
    expect(holdsValues({ telephone1: '555' }, { telephone1: null })).toBe(false);
  });

  it('compares numbers by value and instants by time', () => {
    expect(holdsValues({ creditlimit: 5000 }, { creditlimit: '5000.00' })).toBe(true);
    expect(holdsValues({ creditlimit: 5000 }, { creditlimit: 5001 })).toBe(false);
    expect(holdsValues({ modifiedon: '2026-03-01T12:00:00Z' }, { modifiedon: '2026-03-01T13:00:00+01:00' })).toBe(true);
  });

  it('compares a lookup bound by id with the id read back, whatever its case', () => {
    const existing = { _transactioncurrencyid_value: CURRENCY };
    expect(
      holdsValues(existing, {
        'transactioncurrencyid@odata.bind': `/transactioncurrencies(${CURRENCY.toUpperCase()})`,
      }),
    ).toBe(true);
    expect(
      holdsValues(existing, {
        'transactioncurrencyid@odata.bind': '/transactioncurrencies(7a3c2f10-5b1e-4c6a-9d0e-000000000840)',
      }),
    ).toBe(false);
    expect(
      holdsValues(existing, { 'transactioncurrencyid@odata.bind': "/transactioncurrencies(isocurrencycode='EUR')" }),
    ).toBe(false);
    expect(holdsValues({ _transactioncurrencyid_value: null }, { 'transactioncurrencyid@odata.bind': null })).toBe(
      true,
    );
  });

  it('ignores fields left undefined', () => {
    expect(holdsValues({ name: 'A' }, { name: 'A', description: undefined })).toBe(true);
  });
});

describe('columnFor', () => {
  it('reads a bound lookup from its _value column', () => {
    expect(columnFor('transactioncurrencyid@odata.bind')).toBe('_transactioncurrencyid_value');
    expect(columnFor('name')).toBe('name');
  });
});
