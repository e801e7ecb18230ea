import type { Mapping } from '@p2c/core';

/**
 * The unit group's value map as the template ships it: every unit to "Default unit" (Sales'
 * own group is "Default Unit"; names compare without regard to case). Map each Sales unit name
 * to its group to use others: `{ Each: Default Unit, Hour: Time }`.
 */
export const DEFAULT_UNIT_GROUP_MAP: Readonly<Record<string, string>> = { '': 'Default unit' };

/**
 * CDS > Destination: the CDS Product to a Sales `products` row, marked externally maintained,
 * with its unit group and unit, its currency and its default price list (the first by name in
 * its currency). Dataverse takes the default price list only on an update: the task's
 * destination declares it `notOnCreate`, so a new product is created, then given its list.
 */
export const cdsProductToSalesProduct: Mapping = {
  name: 'CDS Product > Sales Products',
  fields: [
    { target: 'productnumber', source: 'ProductNumber' },
    { target: 'name', source: 'Name' },
    { target: 'description', source: 'Description' },
    { target: 'msdyn_isexternallymaintained', transforms: [{ transformType: 'Default', value: true }] },
    {
      target: 'defaultuomscheduleid@odata.bind',
      source: 'DefaultUnit',
      transforms: [
        { transformType: 'ValueMap', valueMap: { ...DEFAULT_UNIT_GROUP_MAP } },
        // Where a configured value map goes (before the default), so it replaces the shipped one.
        { transformType: 'Default', value: DEFAULT_UNIT_GROUP_MAP[''] ?? null },
        { transformType: 'Function', name: 'UnitGroupBind' },
      ],
    },
    {
      target: 'defaultuomid@odata.bind',
      source: 'DefaultUnit',
      transforms: [{ transformType: 'Function', name: 'UnitBind' }],
    },
    {
      target: 'pricelevelid@odata.bind',
      source: 'CurrencyCode',
      transforms: [{ transformType: 'Function', name: 'PriceListBind' }],
    },
    { target: 'price', source: 'SalesPrice' },
    {
      target: 'transactioncurrencyid@odata.bind',
      source: 'CurrencyCode',
      transforms: [{ transformType: 'Function', name: 'TransactionCurrencyBind' }],
    },
  ],
};
