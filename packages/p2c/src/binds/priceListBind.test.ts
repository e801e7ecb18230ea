import { RecordError, type TransformContext } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { priceListBind } from './priceListBind.js';

const field = 'pricelevelid@odata.bind';
const list = (pricelevelid: string, name: string, currency: string) => ({
  pricelevelid,
  name,
  statecode: 0,
  transactioncurrencyid: { isocurrencycode: currency },
});
const context: TransformContext = {
  field,
  record: {},
  references: { priceLists: [list('p-2', 'Zeta', 'USD'), list('p-1', 'Retail', 'USD'), list('p-3', 'Euro', 'EUR')] },
};

describe('priceListBind', () => {
  it('binds the first active price list by name in the currency', () => {
    expect(priceListBind('USD', context)).toBe('/pricelevels(p-1)');
    expect(priceListBind(' eur', context)).toBe('/pricelevels(p-3)');
  });

  it('fails the record when no price list has the currency: Sales requires one', () => {
    let thrown: unknown;
    try {
      priceListBind('GBP', context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecordError);
    expect(thrown).toMatchObject({ code: 'NO_PRICE_LIST', field, value: 'GBP' });
  });

  it('leaves a blank currency, and one Sales does not have, to the currency bind: the record fails with one reason', () => {
    expect(priceListBind(null, context)).toBeNull();
    const withCurrencies = { ...context, references: { ...context.references, currencies: [] } };
    expect(priceListBind('JPY', withCurrencies)).toBeNull();
  });
});
