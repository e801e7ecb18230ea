import type { Mapping } from '@p2c/core';

/**
 * CDS > Destination: the CDS Product to its item in its price list (Sales `productpricelevels`),
 * at F&O's sales price. The row is addressed by a GUID p2c derives from the product and the list.
 */
export const cdsProductToPriceListItem: Mapping = {
  name: 'CDS Product > Sales Price list items',
  fields: [
    { target: 'productpricelevelid', transforms: [{ transformType: 'Function', name: 'PriceListItemId' }] },
    {
      target: 'productid@odata.bind',
      source: 'ProductNumber',
      transforms: [{ transformType: 'Function', name: 'ProductBind' }],
    },
    {
      target: 'pricelevelid@odata.bind',
      source: 'CurrencyCode',
      transforms: [{ transformType: 'Function', name: 'PriceListBind' }],
    },
    {
      target: 'uomid@odata.bind',
      source: 'DefaultUnit',
      transforms: [{ transformType: 'Function', name: 'UnitBind' }],
    },
    { target: 'amount', source: 'SalesPrice' },
  ],
};
