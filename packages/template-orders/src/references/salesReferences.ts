import type { ReferenceTable } from '@p2c/core';

/** Sales currencies (`transactioncurrencies`), for binding a currency by its ISO code. */
export const currenciesReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'transactioncurrencies',
    key: [],
    fields: ['isocurrencycode'],
    options: { idField: 'transactioncurrencyid', changeTracking: false },
  },
};

/** Sales price lists (`pricelevels`) with their currency's ISO code, for the first list in a currency. */
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
        transactioncurrencyid: { entity: 'transactioncurrencies', idField: 'transactioncurrencyid', select: ['isocurrencycode'] },
      },
    },
  },
};

/** The reference tables an order or invoice header reads once per run. */
export const documentReferences: Readonly<Record<string, ReferenceTable>> = {
  currencies: currenciesReference,
  priceLists: priceListsReference,
};
