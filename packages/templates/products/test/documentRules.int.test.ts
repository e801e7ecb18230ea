import { startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { productsPlugin } from '../src/index.js';
import { GBP, USD, aProduct } from './aProduct.js';

const emulator = useEmulator();

const priceLists = [
  { name: 'Retail USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
  { name: 'UK list', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${GBP})` },
];

type Seed = Parameters<typeof startHarness>[1];
const start = (seed: Seed) => startHarness(emulator, seed, { plugins: [productsPlugin] });
type H = Awaited<ReturnType<typeof start>>;

const product = (h: H, number: string) => h.emulator.sales.table('products').get(number);
const groupId = (h: H, name: string) => String(h.emulator.sales.table('uomschedules').get(name)!['uomscheduleid']);
const writesOf = (h: H, number: string) =>
  h.emulator
    .writeLog()
    .find((entry) => entry.entitySet === 'products' && entry.key.toLowerCase() === number.toLowerCase());

describe("Rules from Microsoft's document (Products)", () => {
  it('the Sellable released products entity only exports products that are sellable: the same rules apply as the Validate function of a released product', async () => {
    const h = await start({
      sales: { uoms: [{ name: 'Each' }], pricelevels: priceLists },
      finops: {
        ReleasedDistinctProductsV2: [
          aProduct('OK-1'),
          aProduct('STOPPED', { IsSalesStopped: 'Yes' }),
          aProduct('NO-MODEL-GROUP', { ItemModelGroupId: '' }),
          aProduct('NO-ITEM-GROUP', { ProductGroupId: '' }),
          aProduct('NO-STORAGE-GROUP', { StorageDimensionGroupName: '' }),
          aProduct('NO-TRACKING-GROUP', { TrackingDimensionGroupName: '' }),
        ],
      },
    });
    const run = await h.run('products');

    expect(
      h.emulator.sales
        .table('products')
        .list()
        .map((row) => row['productnumber']),
    ).toEqual(['OK-1']);
    const excluded = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(
      excluded
        .filter((e) => e.taskId === 'Products')
        .map((e) => [e.key, e.rule])
        .sort(),
    ).toEqual(
      [
        ['NO-ITEM-GROUP', 'sellableOnly'],
        ['NO-MODEL-GROUP', 'sellableOnly'],
        ['NO-STORAGE-GROUP', 'sellableOnly'],
        ['NO-TRACKING-GROUP', 'sellableOnly'],
        ['STOPPED', 'sellableOnly'],
      ].sort(),
    );
    expect(run).toHaveLeftOut('NO-TRACKING-GROUP', 'sellableOnly');
  });

  it('update the value map for the unit group (defaultuomscheduleid.name) to match the unit groups in Sales: the template value is defaulted to "Default unit"', async () => {
    const seed: Seed = {
      sales: {
        uomschedules: [{ name: 'Time' }],
        uoms: [{ name: 'Each' }, { name: 'Hour', 'uomscheduleid@odata.bind': "/uomschedules(name='Time')" }],
        pricelevels: priceLists,
      },
      finops: { ReleasedDistinctProductsV2: [aProduct('SPEAKER'), aProduct('INSTALL', { SalesUnitSymbol: 'hr' })] },
    };
    const h = await start(seed);
    const shipped = await h.run('products');

    // Every unit goes to "Default unit" (Sales' "Default Unit"): the hour is in another group.
    expect(product(h, 'SPEAKER')).toMatchObject({ _defaultuomscheduleid_value: groupId(h, 'Default Unit') });
    expect(shipped).toHaveFailedWith('INSTALL', {
      taskId: 'Products',
      code: 'DESTINATION_REJECTED',
      message: /The unit does not exist in the specified unit schedule\./,
    });
    expect(product(h, 'INSTALL')).toBeUndefined();

    const settings = { valueMaps: { 'defaultuomscheduleid@odata.bind': { Each: 'Default Unit', Hour: 'Time' } } };
    const mapped = await h.run('products', { settings: { Products: settings } });
    expect(mapped.failures).toEqual([]);
    expect(product(h, 'INSTALL')).toMatchObject({ _defaultuomscheduleid_value: groupId(h, 'Time') });
  });

  it('externally maintained products are added to the first valid price list with the same currency: Dataverse takes the default price list only after the create, and a later sync is one update', async () => {
    const h = await start({
      sales: { uoms: [{ name: 'Each' }], pricelevels: priceLists },
      finops: { ReleasedDistinctProductsV2: [aProduct('SPEAKER')] },
    });
    const retail = String(h.emulator.sales.table('pricelevels').get('Retail USD')!['pricelevelid']);

    const first = await h.run('products');
    expect(first.failures).toEqual([]);
    expect(first.counts).toMatchObject({ created: 2, updated: 0 });
    expect(product(h, 'SPEAKER')).toMatchObject({ _pricelevelid_value: retail });
    // Created without its price list, then given it.
    expect(writesOf(h, 'SPEAKER')).toMatchObject({ create: 1, update: 1 });

    h.emulator.finops
      .entity('ReleasedDistinctProductsV2')
      .update({ dataAreaId: 'usmf', ProductNumber: 'SPEAKER' }, { SalesPrice: 90 });
    h.emulator.clearWriteLog();
    const later = await h.run('products');
    expect(later.counts).toMatchObject({ created: 0, updated: 2 });
    expect(writesOf(h, 'SPEAKER')).toMatchObject({ create: 0, update: 1 });
    expect(product(h, 'SPEAKER')).toMatchObject({ price: 90, _pricelevelid_value: retail });
  });

  it('a product whose price list could not be set after its create fails, and the next run completes it without a second product', async () => {
    const h = await start({
      sales: { uoms: [{ name: 'Each' }], pricelevels: priceLists },
      finops: { ReleasedDistinctProductsV2: [aProduct('SPEAKER')] },
    });
    h.emulator.setFaults({
      script: [
        {
          match: { service: 'sales', path: '$batch', bodyContains: 'pricelevelid@odata.bind' },
          fault: 'reset',
          times: 20,
        },
      ],
    });
    const broken = await h.run('products');
    expect(broken).toHaveFailedWith('SPEAKER', { taskId: 'Products' });
    expect(product(h, 'SPEAKER')).toMatchObject({ _pricelevelid_value: null });

    h.emulator.setFaults(null);
    const next = await h.run('products');
    expect(next.failures).toEqual([]);
    expect(h.emulator.sales.table('products').list()).toHaveLength(1);
    expect(product(h, 'SPEAKER')).toMatchObject({
      _pricelevelid_value: String(h.emulator.sales.table('pricelevels').get('Retail USD')!['pricelevelid']),
    });
  });
});
