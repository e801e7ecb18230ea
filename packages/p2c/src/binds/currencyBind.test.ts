import { RecordError, type TransformContext } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { currencyBind } from './currencyBind.js';

const field = 'transactioncurrencyid@odata.bind';
const context: TransformContext = {
  field,
  record: {},
  references: { currencies: [{ transactioncurrencyid: 'c-usd', isocurrencycode: 'USD' }] },
};

function failure(run: () => unknown): RecordError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return error;
    throw error;
  }
  throw new Error('expected the bind to fail the record');
}

describe('currencyBind', () => {
  it('binds a currency Sales has by its id, whatever the case and spaces of the code', () => {
    expect(currencyBind(' usd ', context)).toBe('/transactioncurrencies(c-usd)');
  });

  it('fails a record without a currency: Sales requires a price list, and a price list is chosen by currency', () => {
    expect(failure(() => currencyBind('', context))).toMatchObject({
      code: 'CURRENCY_MISSING',
      message: `${field}: the record has no currency`,
    });
  });

  it('fails a currency Sales does not have, naming it and where to add it', () => {
    expect(failure(() => currencyBind('dkk', context))).toMatchObject({
      code: 'UNKNOWN_CURRENCY',
      value: 'DKK',
      message: `${field}: Sales has no currency 'DKK' (add it in Sales under Currencies)`,
    });
  });

  it('stops the run when the task did not declare the currencies table (a template bug, not a bad record)', () => {
    expect(() => currencyBind('USD', { field, record: {} })).toThrow(
      "The task has no 'currencies' reference table (declare currenciesReference)",
    );
  });
});
