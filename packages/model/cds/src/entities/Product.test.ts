import { describe, expect, it } from 'vitest';
import { productFields, productSchema } from './Product.js';

describe('CDS Product', () => {
  it('accepts a minimal product and fills the optional fields with null', () => {
    const product = productSchema.parse({
      ProductNumber: 'D0001',
      Name: 'Mid-range speaker',
      DefaultUnit: 'Each',
      CurrencyCode: 'USD',
    });
    expect(product.Description).toBeNull();
    expect(product.SalesPrice).toBeNull();
  });

  it('says what a product is missing', () => {
    const result = productSchema.safeParse({
      ProductNumber: 'D0001',
      Name: 'Speaker',
      DefaultUnit: null,
      CurrencyCode: null,
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toEqual({
      DefaultUnit: 'a product needs a sales unit (F&O SalesUnitSymbol)',
      CurrencyCode: 'a product needs a sales currency (F&O SalesCurrencyCode)',
    });
  });

  it('refuses a negative price and a currency that is not an ISO code', () => {
    const result = productSchema.safeParse({
      ProductNumber: 'D0001',
      Name: 'Speaker',
      DefaultUnit: 'Each',
      CurrencyCode: 'Dollar',
      SalesPrice: -1,
    });
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['CurrencyCode', 'SalesPrice']);
  });

  it('lists its fields', () => {
    expect(productFields).toEqual(
      expect.arrayContaining(['ProductNumber', 'DefaultUnit', 'CurrencyCode', 'SalesPrice']),
    );
  });
});
