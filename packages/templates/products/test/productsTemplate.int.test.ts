import { startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { productsPlugin } from '../src/index.js';
import { GBP, USD, aProduct } from './aProduct.js';

const emulator = useEmulator();

const seed = {
  sales: {
    uoms: [{ name: 'Each' }, { name: 'Piece' }, { name: 'Hour' }],
    pricelevels: [
      { name: 'Wholesale USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
      { name: 'Retail USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
      { name: 'UK list', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${GBP})` },
    ],
  },
  finops: {
    ReleasedDistinctProductsV2: [
      aProduct('D0001', { ProductName: 'Mid-range speaker', SalesPrice: 219.99 }),
      aProduct('D0002-BLK', {
        ItemNumber: 'D0002',
        ProductSubtype: 'Variant',
        ProductName: 'Cable, black',
        SalesUnitSymbol: 'pcs',
        SalesPrice: 4.5,
        SalesCurrencyCode: 'GBP',
      }),
      aProduct('D0003', { IsSalesStopped: 'Yes' }),
      aProduct('D0004', { SalesCurrencyCode: 'EUR' }),
      aProduct('D0005', { SalesUnitSymbol: 'box' }),
    ],
  },
};

const start = () => startHarness(emulator, seed, { plugins: [productsPlugin] });
type H = Awaited<ReturnType<typeof start>>;

const priceListId = (h: H, name: string) => String(h.emulator.sales.table('pricelevels').get(name)!['pricelevelid']);
const uomId = (h: H, name: string) => String(h.emulator.sales.table('uoms').get(name)!['uomid']);
const product = (h: H, number: string) => h.emulator.sales.table('products').get(number);
const itemsOf = (h: H, number: string) =>
  h.emulator.sales
    .table('productpricelevels')
    .list()
    .filter((row) => row['_productid_value'] === product(h, number)?.['productid']);

describe('Products (Fin and Ops to Sales) through the emulators', () => {
  it('creates sellable products, externally maintained, each in the first price list of its currency at the F&O price', async () => {
    const h = await start();
    const run = await h.run('products');

    expect(run.status).toBe('Warning');
    expect(product(h, 'D0001')).toMatchObject({
      productnumber: 'D0001',
      name: 'Mid-range speaker',
      description: 'The D0001',
      msdyn_isexternallymaintained: true,
      price: 219.99,
      _defaultuomid_value: uomId(h, 'Each'),
      // 'Retail USD' comes before 'Wholesale USD' by name.
      _pricelevelid_value: priceListId(h, 'Retail USD'),
      _transactioncurrencyid_value: USD,
    });
    expect(product(h, 'D0002-BLK')).toMatchObject({
      name: 'Cable, black',
      msdyn_isexternallymaintained: true,
      price: 4.5,
      _defaultuomid_value: uomId(h, 'Piece'),
      _pricelevelid_value: priceListId(h, 'UK list'),
      _transactioncurrencyid_value: GBP,
    });
    expect(h.emulator.sales.table('products').list()).toHaveLength(2);
    expect(h.emulator.sales.table('products').list()).toHaveDefaults({ msdyn_isexternallymaintained: true });
    // Created, then given its default price list (Dataverse takes it only on an update).
    expect(
      h.emulator.writeLog().find((e) => e.entitySet === 'products' && e.key.toLowerCase() === 'd0001'),
    ).toMatchObject({ create: 1, update: 1 });

    expect(itemsOf(h, 'D0001')).toEqual([
      expect.objectContaining({
        _pricelevelid_value: priceListId(h, 'Retail USD'),
        _uomid_value: uomId(h, 'Each'),
        amount: 219.99,
      }),
    ]);
    expect(itemsOf(h, 'D0002-BLK')).toEqual([
      expect.objectContaining({
        _pricelevelid_value: priceListId(h, 'UK list'),
        _uomid_value: uomId(h, 'Piece'),
        amount: 4.5,
      }),
    ]);
    expect(h.emulator.sales.table('productpricelevels').list()).toHaveLength(2);
  });

  it('leaves out sales-stopped products and lists them in the history with the rule', async () => {
    const h = await start();
    const run = await h.run('products');

    expect(run.counts.filtered).toBe(2); // once per task
    expect(product(h, 'D0003')).toBeUndefined();
    const excluded = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(excluded.map((e) => [e.taskId, e.key, e.rule]).sort()).toEqual(
      [
        ['Products', 'D0003', 'sellableOnly'],
        ['ProductPriceListItems', 'D0003', 'sellableOnly'],
      ].sort(),
    );
    expect(run).toHaveLeftOut('D0003', 'sellableOnly');
  });

  it('fails the product without a price list in its currency and the one with an unknown unit, alone, with their reasons', async () => {
    const h = await start();
    const run = await h.run('products');

    const reasons = Object.fromEntries(run.failures.map((f) => [`${f.taskId} ${f.key}`, [f.code, f.message]]));
    expect(run).toHaveFailedWith('D0004', {
      taskId: 'Products',
      code: 'NO_PRICE_LIST',
      message: 'No price list in Sales has currency EUR',
    });
    expect(run).toHaveFailedWith('D0005', { taskId: 'Products', code: 'VALUE_MAP_MISS', message: /'box'/ });
    expect(reasons['ProductPriceListItems D0004']).toEqual([
      'PARENT_FAILED',
      'Its product D0004 failed in products/Products: No price list in Sales has currency EUR',
    ]);
    expect(reasons['ProductPriceListItems D0005']![0]).toBe('PARENT_FAILED');
    expect(reasons['ProductPriceListItems D0005']![1]).toContain("'box'");
    expect(run.counts).toMatchObject({ created: 4, failed: 4, waiting: 0 });
    expect(product(h, 'D0004')).toBeUndefined();
    expect(product(h, 'D0005')).toBeUndefined();
  });

  it('updates the product price and its price list item when the F&O sales price changes, and writes nothing on an unchanged run', async () => {
    const h = await start();
    await h.run('products');

    h.emulator.finops
      .entity('ReleasedDistinctProductsV2')
      .update({ dataAreaId: 'usmf', ProductNumber: 'D0001' }, { SalesPrice: 199 });
    h.emulator.resetRequestCounts();
    const changed = await h.run('products');
    expect(changed.counts).toMatchObject({ created: 0, updated: 2 });
    expect(h.emulator.requestCounts().sales.writes).toBe(2);
    expect(product(h, 'D0001')!['price']).toBe(199);
    expect(itemsOf(h, 'D0001')).toEqual([expect.objectContaining({ amount: 199 })]);
    expect(h.emulator.sales.table('productpricelevels').list()).toHaveLength(2);

    h.emulator.resetRequestCounts();
    const unchanged = await h.run('products');
    expect(unchanged.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
  });

  it('syncs a product once Sales has a price list in its currency', async () => {
    const h = await start();
    await h.run('products');

    h.emulator.sales.table('pricelevels').insert({
      name: 'Euro list',
      'transactioncurrencyid@odata.bind': '/transactioncurrencies(7a3c2f10-5b1e-4c6a-9d0e-000000000978)',
    });
    const run = await h.run('products');
    expect(run.failures.map((f) => `${f.taskId} ${f.key}`).sort()).toEqual([
      'ProductPriceListItems D0005',
      'Products D0005',
    ]);
    expect(product(h, 'D0004')).toMatchObject({ _pricelevelid_value: priceListId(h, 'Euro list') });
    expect(itemsOf(h, 'D0004')).toEqual([expect.objectContaining({ amount: 100 })]);
  });

  it('takes the unit map and the filter from the configuration', async () => {
    const h = await start();
    const settings = {
      valueMaps: { DefaultUnit: { ea: 'Each', pcs: 'Piece', box: 'Each' } },
      filters: { sellableOnly: false as const },
    };
    const run = await h.run('products', { settings: { Products: settings, ProductPriceListItems: settings } });

    expect(run.counts.filtered).toBe(0);
    expect(product(h, 'D0003')).toMatchObject({ msdyn_isexternallymaintained: true });
    expect(product(h, 'D0005')).toMatchObject({ _defaultuomid_value: uomId(h, 'Each') });
    expect(run.failures.map((f) => `${f.taskId} ${f.key}`).sort()).toEqual([
      'ProductPriceListItems D0004',
      'Products D0004',
    ]);
  });
});
