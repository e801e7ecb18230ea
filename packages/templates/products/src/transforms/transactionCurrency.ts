import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { CURRENCIES, findCurrency } from '@p2c/sales';

/** `transactioncurrencyid@odata.bind` from an ISO code: `/transactioncurrencies(<id>)`; a currency Sales lacks fails the record. */
export const transactionCurrencyBind: NamedTransform = (value, { field, references }) => {
  if (isBlank(value)) return null;
  const rows = references?.[CURRENCIES];
  if (!rows) throw new Error(`The task has no '${CURRENCIES}' reference table (declare currenciesReference)`);
  const code = String(value).trim().toUpperCase();
  const currency = findCurrency(rows, code);
  if (!currency) {
    throw new RecordError(`Currency ${code} does not exist in Sales (transaction currencies)`, {
      code: 'UNKNOWN_CURRENCY',
      field,
      value: code,
    });
  }
  return `/transactioncurrencies(${String(currency['transactioncurrencyid'])})`;
};
