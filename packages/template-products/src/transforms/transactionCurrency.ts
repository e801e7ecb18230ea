import { RecordError, isBlank, type NamedTransform, type ReferenceTable } from '@p2c/core';

/** The name of the reference table of Sales currencies, in `context.references`. */
export const CURRENCIES = 'currencies';

/** Sales transaction currencies by ISO code, read in full once per run. */
export const currenciesReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'transactioncurrencies',
    key: [],
    fields: ['isocurrencycode'],
    options: { idField: 'transactioncurrencyid', changeTracking: false },
  },
};

/** `transactioncurrencyid@odata.bind` from an ISO code: `/transactioncurrencies(<id>)`; a currency Sales lacks fails the record. */
export const transactionCurrencyBind: NamedTransform = (value, { field, references }) => {
  if (isBlank(value)) return null;
  const rows = references?.[CURRENCIES];
  if (!rows) throw new Error(`The task has no '${CURRENCIES}' reference table (declare currenciesReference)`);
  const code = String(value).trim().toUpperCase();
  const currency = rows.find((row) => String(row['isocurrencycode'] ?? '').trim().toUpperCase() === code);
  if (!currency) {
    throw new RecordError(`Currency ${code} does not exist in Sales (transaction currencies)`, { code: 'UNKNOWN_CURRENCY', field, value: code });
  }
  return `/transactioncurrencies(${String(currency['transactioncurrencyid'])})`;
};
