import type { Mapping } from '@p2c/core';

/**
 * CDS > Destination: the CDS Product to a Sales `products` row, marked externally maintained,
 * with its unit, its currency and its default price list (the first by name in its currency).
 */
export const cdsProductToSalesProduct: Mapping = {
  name: 'CDS Product > Sales Products',
  fields: [
    { target: 'productnumber', source: 'ProductNumber' },
    { target: 'name', source: 'Name' },
    { target: 'description', source: 'Description' },
    { target: 'msdyn_isexternallymaintained', transforms: [{ transformType: 'Default', value: true }] },
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
