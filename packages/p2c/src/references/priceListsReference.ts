import type { ReferenceTable } from '@p2c/core';

/** The name templates give the reference table of Sales price lists, in `context.references`. */
export const PRICE_LISTS = 'priceLists';

/** Sales price lists (`pricelevels`) with their currency's ISO code joined, read in full once per run. */
export const priceListsReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'pricelevels',
    key: [],
    fields: ['name', 'statecode'],
    options: {
      idField: 'pricelevelid',
      changeTracking: false,
      lookups: {
        transactioncurrencyid: {
          entity: 'transactioncurrencies',
          idField: 'transactioncurrencyid',
          select: ['isocurrencycode'],
        },
      },
    },
  },
};
