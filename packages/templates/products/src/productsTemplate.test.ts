import {
  RecordMapper,
  mappingOverridesSchema,
  stableGuid,
  type MapOutcome,
  type MappingOverrides,
  type RecordContext,
} from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { PRODUCT_PRICE_LIST_ITEMS_TASK_ID, PRODUCTS_TASK_ID, productsTemplate } from './productsTemplate.js';

const task = (id: string) => productsTemplate.tasks.find((t) => t.id === id)!;
const mapperFor = (id: string, overrides: Partial<MappingOverrides> = {}) =>
  new RecordMapper(
    task(id),
    mappingOverridesSchema.parse(overrides),
    { ORG001: 'usmf' },
    `templates.products.tasks.${id}`,
  );

const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
const GBP = '7a3c2f10-5b1e-4c6a-9d0e-000000000826';
const EUR = '7a3c2f10-5b1e-4c6a-9d0e-000000000978';

/** Rows as the Dataverse source returns them: the currency lookup joined onto the row. */
const priceLists = [
  {
    pricelevelid: 'b5f0c1a2-0000-4000-8000-000000000003',
    name: 'Wholesale USD',
    statecode: 0,
    transactioncurrencyid: { isocurrencycode: 'USD' },
  },
  {
    pricelevelid: 'b5f0c1a2-0000-4000-8000-000000000001',
    name: 'Retail USD',
    statecode: 0,
    transactioncurrencyid: { isocurrencycode: 'USD' },
  },
  {
    pricelevelid: 'b5f0c1a2-0000-4000-8000-000000000000',
    name: 'Archive USD',
    statecode: 1,
    transactioncurrencyid: { isocurrencycode: 'USD' },
  },
  {
    pricelevelid: 'b5f0c1a2-0000-4000-8000-000000000002',
    name: 'UK list',
    statecode: 0,
    transactioncurrencyid: { isocurrencycode: 'GBP' },
  },
];
const currencies = [
  { transactioncurrencyid: USD, isocurrencycode: 'USD', modifiedon: '2026-01-01T00:00:00Z' },
  { transactioncurrencyid: GBP, isocurrencycode: 'GBP', modifiedon: '2026-01-01T00:00:00Z' },
  { transactioncurrencyid: EUR, isocurrencycode: 'EUR', modifiedon: '2026-01-01T00:00:00Z' },
];
const about: RecordContext = { key: 'D0001', references: { priceLists, currencies } };

/** A row as F&O OData returns it (cross-company read). */
const speaker = {
  '@odata.etag': 'W/"JzEsNTYzNzE0NTc3NjsxLDY4NzE5NDc2NzM2Jw=="',
  dataAreaId: 'usmf',
  ProductNumber: 'D0001',
  ItemNumber: 'D0001',
  ProductName: "Mid-range speaker, 'Classic'",
  ProductDescription: 'Bookshelf speaker',
  ProductSubtype: 'Product',
  SalesUnitSymbol: 'ea',
  SalesPrice: 219.99,
  SalesCurrencyCode: 'USD',
  IsSalesStopped: 'No',
};

function rowOf(outcome: MapOutcome): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`expected a row, got: ${outcome.error.message}`);
  return outcome.row;
}
function errorOf(outcome: MapOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.row)}`);
  return outcome.error;
}

describe('Products: F&O released product > CDS Product > Sales product', () => {
  it('maps a product, externally maintained, in the first active price list of its currency by name', () => {
    expect(rowOf(mapperFor(PRODUCTS_TASK_ID).map(speaker, about))).toEqual({
      productnumber: 'D0001',
      name: "Mid-range speaker, 'Classic'",
      description: 'Bookshelf speaker',
      msdyn_isexternallymaintained: true,
      'defaultuomscheduleid@odata.bind': "/uomschedules(name='Default unit')",
      'defaultuomid@odata.bind': "/uoms(name='Each')",
      // Two active lists in USD: 'Retail USD' comes before 'Wholesale USD'; 'Archive USD' is inactive.
      'pricelevelid@odata.bind': '/pricelevels(b5f0c1a2-0000-4000-8000-000000000001)',
      price: 219.99,
      'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
    });
  });

  it('chooses the price list by name whatever the case of the names and the order of the rows', () => {
    const lists = [
      { pricelevelid: 'id-b', name: 'beta', statecode: 0, transactioncurrencyid: { isocurrencycode: 'usd' } },
      { pricelevelid: 'id-a', name: 'Alpha', statecode: 0, transactioncurrencyid: { isocurrencycode: 'USD' } },
    ];
    const row = rowOf(mapperFor(PRODUCTS_TASK_ID).map(speaker, { references: { priceLists: lists, currencies } }));
    expect(row['pricelevelid@odata.bind']).toBe('/pricelevels(id-a)');
  });

  it('fails a product whose currency no price list has, saying so', () => {
    const error = errorOf(mapperFor(PRODUCTS_TASK_ID).map({ ...speaker, SalesCurrencyCode: 'EUR' }, about));
    expect(error).toMatchObject({ code: 'NO_PRICE_LIST', field: 'pricelevelid@odata.bind', value: 'EUR' });
    expect(error.message).toBe('No price list in Sales has currency EUR');
  });

  it('fails a product whose currency does not exist in Sales', () => {
    const lists = [
      ...priceLists,
      { pricelevelid: 'id-dkk', name: 'Danish', statecode: 0, transactioncurrencyid: { isocurrencycode: 'DKK' } },
    ];
    const error = errorOf(
      mapperFor(PRODUCTS_TASK_ID).map(
        { ...speaker, SalesCurrencyCode: 'DKK' },
        { references: { priceLists: lists, currencies } },
      ),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_CURRENCY', value: 'DKK' });
    expect(error.message).toBe(
      "transactioncurrencyid@odata.bind: Sales has no currency 'DKK' (add it in Sales under Currencies)",
    );
  });

  it('fails a product whose sales unit has no value map entry, naming the unit', () => {
    const error = errorOf(mapperFor(PRODUCTS_TASK_ID).map({ ...speaker, SalesUnitSymbol: 'box' }, about));
    expect(error).toMatchObject({ code: 'VALUE_MAP_MISS', field: 'DefaultUnit', value: 'box' });
    expect(error.message).toContain("'box'");
  });

  it('takes the configured unit map instead of the default one', () => {
    const mapper = mapperFor(PRODUCTS_TASK_ID, { valueMaps: { DefaultUnit: { box: 'Box' } } });
    expect(rowOf(mapper.map({ ...speaker, SalesUnitSymbol: 'box' }, about))['defaultuomid@odata.bind']).toBe(
      "/uoms(name='Box')",
    );
    expect(errorOf(mapper.map(speaker, about)).value).toBe('ea');
  });

  it('fails a product without a unit or a currency, saying which', () => {
    const error = errorOf(
      mapperFor(PRODUCTS_TASK_ID).map({ ...speaker, SalesUnitSymbol: '', SalesCurrencyCode: '' }, about),
    );
    expect(error.code).toBe('CANONICAL_INVALID');
    expect(error.message).toBe(
      'CDS Product is not valid: DefaultUnit: a product needs a sales unit (F&O SalesUnitSymbol); CurrencyCode: a product needs a sales currency (F&O SalesCurrencyCode)',
    );
  });

  it('takes a configured default currency for products without one', () => {
    const row = rowOf(
      mapperFor(PRODUCTS_TASK_ID, { defaults: { CurrencyCode: 'GBP' } }).map(
        { ...speaker, SalesCurrencyCode: '' },
        about,
      ),
    );
    expect(row['pricelevelid@odata.bind']).toBe('/pricelevels(b5f0c1a2-0000-4000-8000-000000000002)');
  });

  it('maps a variant as a product of its own', () => {
    const variant = {
      ...speaker,
      ProductNumber: 'D0001-BLK',
      ProductSubtype: 'Variant',
      ProductName: 'Speaker, black',
    };
    expect(rowOf(mapperFor(PRODUCTS_TASK_ID).map(variant, about))).toMatchObject({
      productnumber: 'D0001-BLK',
      name: 'Speaker, black',
    });
  });
});

describe('ProductPriceListItems: the product in its price list at the F&O sales price', () => {
  it('maps the item, addressed by a GUID derived from the product and the price list', () => {
    expect(rowOf(mapperFor(PRODUCT_PRICE_LIST_ITEMS_TASK_ID).map(speaker, about))).toEqual({
      productpricelevelid: stableGuid('productpricelevel', 'D0001', 'b5f0c1a2-0000-4000-8000-000000000001'),
      'productid@odata.bind': "/products(productnumber='D0001')",
      'pricelevelid@odata.bind': '/pricelevels(b5f0c1a2-0000-4000-8000-000000000001)',
      'uomid@odata.bind': "/uoms(name='Each')",
      amount: 219.99,
    });
  });

  it('fails once, with the same reason as the product, when no price list has the currency', () => {
    const error = errorOf(
      mapperFor(PRODUCT_PRICE_LIST_ITEMS_TASK_ID).map({ ...speaker, SalesCurrencyCode: 'EUR' }, about),
    );
    expect(error.message).toBe('No price list in Sales has currency EUR');
  });

  it('doubles a quote in a product number it binds by', () => {
    const row = rowOf(
      mapperFor(PRODUCT_PRICE_LIST_ITEMS_TASK_ID).map({ ...speaker, ProductNumber: "O'NEIL-1" }, about),
    );
    expect(row['productid@odata.bind']).toBe("/products(productnumber='O''NEIL-1')");
  });
});

describe('Products: the unit group', () => {
  it('puts every product in "Default unit" unless the unit group value map says otherwise', () => {
    const group = (overrides: Partial<MappingOverrides> = {}, fields: Record<string, unknown> = {}) =>
      rowOf(mapperFor(PRODUCTS_TASK_ID, overrides).map({ ...speaker, ...fields }, about))[
        'defaultuomscheduleid@odata.bind'
      ];
    expect(group()).toBe("/uomschedules(name='Default unit')");
    expect(group({}, { SalesUnitSymbol: 'hr' })).toBe("/uomschedules(name='Default unit')");
    const byUnit = { valueMaps: { 'defaultuomscheduleid@odata.bind': { Each: 'Default Unit', Hour: 'Time' } } };
    expect(group(byUnit, { SalesUnitSymbol: 'hr' })).toBe("/uomschedules(name='Time')");
    expect(group(byUnit)).toBe("/uomschedules(name='Default Unit')");
  });
});

describe('the template', () => {
  it('reads only sellable products in both tasks, keyed by product number, without preconditions', () => {
    expect(productsTemplate.preconditions).toEqual([]);
    for (const t of productsTemplate.tasks) {
      expect(t.filters?.['sellableOnly']?.where).toEqual({
        all: [
          { field: 'IsSalesStopped', eq: 'No' },
          { field: 'ItemModelGroupId', blank: false },
          { field: 'ProductGroupId', blank: false },
          { field: 'StorageDimensionGroupName', blank: false },
          { field: 'TrackingDimensionGroupName', blank: false },
        ],
      });
      expect(t.naturalKey).toMatchObject({ sourceField: 'ProductNumber', rejectDuplicates: false });
    }
    expect(task(PRODUCT_PRICE_LIST_ITEMS_TASK_ID).parents).toEqual([
      { name: 'product', sourceField: 'ProductNumber', tasks: ['products/Products'] },
    ]);
  });
});
