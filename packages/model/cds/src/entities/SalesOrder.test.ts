import { describe, expect, it } from 'vitest';
import { salesOrderFields, salesOrderProcessingStatuses, salesOrderSchema } from './SalesOrder.js';
import { salesOrderLineSchema } from './SalesOrderLine.js';

describe('CDS SalesOrder and SalesOrderLine', () => {
  it('accepts a minimal order and fills the optional fields with null', () => {
    const order = salesOrderSchema.parse({
      SalesOrderNumber: 'SO-1',
      CustomerAccountNumber: 'ACC-1',
      CurrencyCode: 'USD',
    });
    expect(order).toMatchObject({ Name: null, RequestedDeliveryDate: null, ProcessingStatus: null, TotalAmount: null });
    expect(salesOrderFields).toContain('ProcessingStatus');
  });

  it('knows the twelve F&O processing statuses and refuses others', () => {
    expect(salesOrderProcessingStatuses).toHaveLength(12);
    const result = salesOrderSchema.safeParse({
      SalesOrderNumber: 'SO-1',
      CustomerAccountNumber: 'ACC-1',
      CurrencyCode: 'USD',
      ProcessingStatus: 'Lost',
    });
    expect(result.error!.issues[0]!.path).toEqual(['ProcessingStatus']);
  });

  it('says what is missing', () => {
    const result = salesOrderSchema.safeParse({
      SalesOrderNumber: '',
      CustomerAccountNumber: null,
      CurrencyCode: 'USD',
      RequestedDeliveryDate: '2026-13-45',
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages['SalesOrderNumber']).toBe('a sales order needs an order number');
    expect(messages['CustomerAccountNumber']).toBe('a sales order needs an ordering customer');
    expect(messages['RequestedDeliveryDate']).toBeDefined();
  });

  it('wants whole line numbers', () => {
    const line = { SalesOrderNumber: 'SO-1', LineNumber: 1, ProductNumber: 'D0001', Quantity: 2 };
    expect(salesOrderLineSchema.parse(line)).toMatchObject({ UnitPrice: null, Unit: null });
    expect(salesOrderLineSchema.safeParse({ ...line, LineNumber: 1.5 }).error!.issues[0]!.message).toBe(
      'a line number is a whole number',
    );
  });
});
