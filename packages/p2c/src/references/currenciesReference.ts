import type { ReferenceTable } from '@p2c/core';

/** The name templates give the reference table of Sales currencies, in `context.references`. */
export const CURRENCIES = 'currencies';

/** Sales transaction currencies (`transactioncurrencies`) by ISO code, read in full once per run. */
export const currenciesReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'transactioncurrencies',
    key: [],
    fields: ['isocurrencycode'],
    options: { idField: 'transactioncurrencyid', changeTracking: false },
  },
};
