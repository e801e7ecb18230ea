import { describe, expect, it } from 'vitest';
import { salesInvoiceSchema } from './SalesInvoice.js';
import { salesInvoiceLineSchema } from './SalesInvoiceLine.js';

describe('CDS SalesInvoice and SalesInvoiceLine', () => {
  it('accepts an invoice without an order', () => {
    const invoice = salesInvoiceSchema.parse({
      InvoiceNumber: 'CIV-1',
      InvoiceDate: '2026-04-02',
      CustomerAccountNumber: 'ACC-1',
      CurrencyCode: 'USD',
    });
    expect(invoice).toMatchObject({ SalesOrderNumber: null, TotalAmount: null, Name: null });
  });

  it('says what is missing', () => {
    const result = salesInvoiceSchema.safeParse({
      InvoiceNumber: 'CIV-1',
      InvoiceDate: null,
      CustomerAccountNumber: 'ACC-1',
      CurrencyCode: 'US',
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['InvoiceDate']).toBe('a sales invoice needs an invoice date');
    expect(messages['CurrencyCode']).toBe('a currency code has 3 letters');
  });

  it('needs a line its product and quantity', () => {
    const result = salesInvoiceLineSchema.safeParse({
      InvoiceNumber: 'CIV-1',
      LineNumber: 1,
      ProductNumber: '',
      Quantity: null,
    });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['ProductNumber', 'Quantity']);
  });
});
