import type { TransformContext } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { alternateKeyBind, bindByAlternateKey, bindById, keyLiteral, productBind } from './lookupBinds.js';

const context: TransformContext = { field: 'uomid@odata.bind', record: {} };

describe('lookup binds', () => {
  it('quotes a key literal, doubling its quotes', () => {
    expect(keyLiteral("O'Brien")).toBe("'O''Brien'");
    expect(bindByAlternateKey('products', 'productnumber', "P'1")).toBe("/products(productnumber='P''1')");
  });

  it('binds by id without quotes', () => {
    expect(bindById('pricelevels', 'b0000000-0000-4000-8000-000000000001')).toBe(
      '/pricelevels(b0000000-0000-4000-8000-000000000001)',
    );
  });

  it('binds a trimmed value by alternate key; blank stays null', () => {
    expect(alternateKeyBind('salesorders', 'ordernumber')(' SO-1 ', context)).toBe("/salesorders(ordernumber='SO-1')");
    expect(productBind('P-1', context)).toBe("/products(productnumber='P-1')");
    expect(productBind(null, context)).toBeNull();
  });
});
