import { useEmulator, type Harness } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { addQuote, header, withParentsSynced } from './quotesHarness.js';
import { detail, externalProduct, quote, releasedProduct } from './quotesSeed.js';

const emulator = useEmulator();

const linesOf = (h: Harness, number: string) =>
  h.emulator.finops
    .entity('SalesQuotationLines')
    .list()
    .filter((row) => row['SalesQuotationNumber'] === number)
    .sort((a, b) => Number(a['LineNumber']) - Number(b['LineNumber']));

describe('Sales Quotes (Sales to Fin and Ops) through the emulators', () => {
  it('syncs Active quotes of externally maintained products, leaves out the others, fails an unknown unit, then writes nothing', async () => {
    const h = await withParentsSynced(emulator);
    addQuote(h, quote('QUO-ACTIVE', { statecode: 1 }), [
      detail('QUO-ACTIVE', 1, 'D0001'),
      detail('QUO-ACTIVE', 2, 'D0002', { quantity: 3, priceperunit: 25.5 }),
    ]);
    addQuote(h, quote('QUO-DRAFT', { statecode: 0, requestdeliveryby: '2026-05-01' }), [
      detail('QUO-DRAFT', 1, 'D0001'),
    ]);
    addQuote(h, quote('QUO-MIXED', { statecode: 1 }), [
      detail('QUO-MIXED', 1, 'D0001'),
      detail('QUO-MIXED', 2, 'SALES-ONLY'),
    ]);
    addQuote(h, quote('QUO-UNIT', { statecode: 1, requestdeliveryby: '2026-06-30' }), [
      detail('QUO-UNIT', 1, 'D0001', { 'uomid@odata.bind': "/uoms(name='Dozen')" }),
      detail('QUO-UNIT', 2, 'D0002'),
    ]);

    const run = await h.run('quotes');

    expect(run.status).toBe('Warning');
    expect(run.counts).toMatchObject({ created: 5, filtered: 5, failed: 1, waiting: 0 });
    expect(header(h, 'QUO-ACTIVE')).toMatchObject({
      SalesQuotationName: 'Quote QUO-ACTIVE',
      RequestingCustomerAccountNumber: 'ACC-01000-AAAAAA',
      InvoiceCustomerAccountNumber: 'ACC-01000-AAAAAA',
      CurrencyCode: 'USD',
      LanguageId: 'en-us',
      SalesQuotationStatus: 'Created',
    });
    // Sales has no requested date: F&O gets the template's default.
    expect(String(header(h, 'QUO-ACTIVE')!['RequestedReceiptDate'])).toMatch(/^2020-01-01T/);
    expect(String(header(h, 'QUO-UNIT')!['RequestedReceiptDate'])).toMatch(/^2026-06-30T/);
    expect(linesOf(h, 'QUO-ACTIVE')).toEqual([
      expect.objectContaining({
        LineNumber: 1,
        ProductNumber: 'D0001',
        RequestedSalesQuantity: 2,
        SalesPrice: 100,
        SalesUnitSymbol: 'ea',
      }),
      expect.objectContaining({
        LineNumber: 2,
        ProductNumber: 'D0002',
        RequestedSalesQuantity: 3,
        SalesPrice: 25.5,
        LineAmount: 76.5,
      }),
    ]);
    expect(linesOf(h, 'QUO-UNIT').map((line) => line['LineNumber'])).toEqual([2]);
    expect(header(h, 'QUO-DRAFT')).toBeUndefined();
    expect(header(h, 'QUO-MIXED')).toBeUndefined();
    expect(linesOf(h, 'QUO-DRAFT')).toEqual([]);
    expect(linesOf(h, 'QUO-MIXED')).toEqual([]);

    expect(run.failures).toHaveLength(1);
    expect(run).toHaveFailedWith('QUO-UNIT|1', {
      taskId: 'QuoteLine',
      code: 'VALUE_MAP_MISS',
      message: "SalesUnitSymbol: no value map entry for 'Dozen'",
    });
    expect(run).toHaveLeftOut('QUO-DRAFT', 'activeOnly');
    expect(run).toHaveLeftOut('QUO-MIXED', 'externallyMaintainedProductsOnly');
    expect(h.emulator.finops.entity('SalesQuotationHeadersV2').list()).toHaveDefaults({
      LanguageId: 'en-us',
      SalesQuotationStatus: 'Created',
      CurrencyCode: 'USD',
    });
    const history = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(history.map(({ taskId, key, rule }) => ({ taskId, key, rule }))).toEqual(
      expect.arrayContaining([
        { taskId: 'QuoteHeader', key: 'QUO-DRAFT', rule: 'activeOnly' },
        { taskId: 'QuoteHeader', key: 'QUO-MIXED', rule: 'externallyMaintainedProductsOnly' },
        { taskId: 'QuoteLine', key: 'QUO-DRAFT|1', rule: 'parent:quote' },
        { taskId: 'QuoteLine', key: 'QUO-MIXED|1', rule: 'parent:quote' },
        { taskId: 'QuoteLine', key: 'QUO-MIXED|2', rule: 'parent:quote' },
      ]),
    );
    expect(history).toHaveLength(5);

    h.emulator.resetRequestCounts();
    const again = await h.run('quotes');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(h.emulator.requestCounts().finops.writes).toBe(0);
    expect(h).toHaveWrittenOnce('finops', 'SalesQuotationHeadersV2', ['usmf', 'QUO-ACTIVE']);
    expect(h).toHaveWrittenOnce('finops', 'SalesQuotationLines', ['usmf', 'QUO-ACTIVE', 2]);

    // The draft is activated; its line does not change, yet it follows its quote to F&O.
    const draft = h.emulator.sales.table('quotes').get('QUO-DRAFT')!;
    h.emulator.sales.table('quotes').update(String(draft['quoteid']), { statecode: 1 });
    const activated = await h.run('quotes');
    expect(activated.counts).toMatchObject({ created: 2 });
    expect(header(h, 'QUO-DRAFT')).toBeDefined();
    expect(linesOf(h, 'QUO-DRAFT')).toHaveLength(1);
  });

  it('holds a line back while its product has not synced, then writes it once the Products task has', async () => {
    const h = await withParentsSynced(emulator);
    // In Sales as externally maintained, but the Products task has not synced it yet.
    h.emulator.sales.table('products').insert(externalProduct('D0003'));
    addQuote(h, quote('QUO-LATE', { statecode: 1 }), [detail('QUO-LATE', 1, 'D0001'), detail('QUO-LATE', 2, 'D0003')]);

    const first = await h.run('quotes');

    expect(first.counts).toMatchObject({ created: 2, waiting: 1, failed: 0 });
    expect(first.failures).toHaveLength(1);
    expect(first).toHaveFailedWith('QUO-LATE|2', {
      code: 'PARENT_NOT_SYNCED',
      message: /product D0003 has not been synced yet/,
    });
    expect(linesOf(h, 'QUO-LATE').map((line) => line['LineNumber'])).toEqual([1]);

    h.emulator.finops.entity('ReleasedDistinctProductsV2').insert(releasedProduct('D0003'));
    expect((await h.run('products')).status).toBe('Completed');
    const second = await h.run('quotes');

    expect(second.status).toBe('Completed');
    expect(second.counts).toMatchObject({ created: 1, waiting: 0, failed: 0 });
    expect(linesOf(h, 'QUO-LATE').map((line) => line['ProductNumber'])).toEqual(['D0001', 'D0003']);
    expect(h).toHaveWrittenOnce('finops', 'SalesQuotationLines', ['usmf', 'QUO-LATE', 2]);
  });

  it('holds a quote back while its customer has not synced', async () => {
    const h = await withParentsSynced(emulator);
    h.emulator.sales.accounts.insert({ name: 'Northwind', accountnumber: 'ACC-01000-CCCCCC' });
    addQuote(
      h,
      quote('QUO-NEW', {
        statecode: 1,
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-01000-CCCCCC')",
      }),
      [detail('QUO-NEW', 1, 'D0001')],
    );

    const first = await h.run('quotes');
    // The quote waits for its customer; its line is held back with it (tried again every run).
    expect(first.counts).toMatchObject({ created: 0 });
    expect(first.failures).toEqual([
      expect.objectContaining({
        key: 'QUO-NEW',
        code: 'PARENT_NOT_SYNCED',
        message: expect.stringContaining('customer ACC-01000-CCCCCC has not been synced yet'),
      }),
      expect.objectContaining({
        key: 'QUO-NEW|1',
        code: 'PARENT_NOT_SYNCED',
        message: expect.stringContaining('customer ACC-01000-CCCCCC has not been synced yet'),
      }),
    ]);
    expect(header(h, 'QUO-NEW')).toBeUndefined();
    expect(linesOf(h, 'QUO-NEW')).toEqual([]);

    await h.run('accounts');
    const second = await h.run('quotes');
    expect(second.counts).toMatchObject({ created: 2, waiting: 0, failed: 0 });
    expect(header(h, 'QUO-NEW')).toMatchObject({ RequestingCustomerAccountNumber: 'ACC-01000-CCCCCC' });
  });
});
