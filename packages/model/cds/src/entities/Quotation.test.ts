import { describe, expect, it } from 'vitest';
import { quotationFields, quotationSchema } from './Quotation.js';
import { quotationLineFields, quotationLineSchema } from './QuotationLine.js';

const quote = {
  QuoteNumber: 'QUO-01000-BVRCPS',
  Name: 'Bikes for Contoso',
  CustomerNumber: 'ACC-01000-BVRCPS',
  Organization_OrganizationId: 'ORG001',
  RequestedDeliveryDate: '2026-03-01',
};

describe('CDS Quotation', () => {
  it('accepts a quote and leaves a missing currency and ship-to address null', () => {
    expect(quotationSchema.parse(quote)).toMatchObject({ CurrencyCode: null, DeliveryAddressCountryRegion: null });
  });

  it('names a missing customer and a date that is not YYYY-MM-DD', () => {
    const result = quotationSchema.safeParse({ ...quote, CustomerNumber: null, RequestedDeliveryDate: '03/01/2026' });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      CustomerNumber: 'a quote needs a customer with a number',
      RequestedDeliveryDate: 'expected a date as YYYY-MM-DD',
    });
  });

  it('lists its fields', () => {
    expect(quotationFields).toEqual(expect.arrayContaining(['QuoteNumber', 'CustomerNumber', 'RequestedDeliveryDate']));
  });
});

describe('CDS Quotation Line', () => {
  const line = {
    QuoteNumber: 'QUO-1',
    LineNumber: 1,
    ProductNumber: 'D0001',
    Quantity: 2.5,
    Organization_OrganizationId: 'ORG001',
    RequestedDeliveryDate: '2026-03-01',
  };

  it('accepts a line without discount and unit', () => {
    expect(quotationLineSchema.parse(line)).toMatchObject({ ManualDiscountAmount: null, UnitName: null });
  });

  it('needs a requested delivery date on a line, as F&O does', () => {
    const result = quotationLineSchema.safeParse({ ...line, RequestedDeliveryDate: undefined });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['RequestedDeliveryDate']);
  });

  it('refuses a line number that is not a positive whole number and a missing product', () => {
    const result = quotationLineSchema.safeParse({ ...line, LineNumber: 0, ProductNumber: '' });
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['LineNumber', 'ProductNumber']);
    expect(quotationLineFields).toContain('UnitName');
  });
});
