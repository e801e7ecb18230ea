import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { CURRENCIES, bindById, findCurrency } from '@p2c/sales';

/**
 * `transactioncurrencyid@odata.bind` from an ISO currency code: `/transactioncurrencies(<id>)`.
 * Sales binds currencies by id only, so the code is looked up in the `currencies` reference
 * table; a currency Sales does not have fails the record.
 */
export const currencyBind: NamedTransform = (value, { field, references }) => {
  if (isBlank(value)) {
    throw new RecordError(`${field}: the record has no currency`, { code: 'CURRENCY_MISSING', field });
  }
  const code = String(value).trim();
  const currency = findCurrency(references?.[CURRENCIES] ?? [], code);
  const id = currency?.['transactioncurrencyid'];
  if (typeof id !== 'string' || id === '') {
    throw new RecordError(`${field}: Sales has no currency '${code}' (add it in Sales under Currencies)`, {
      code: 'UNKNOWN_CURRENCY',
      field,
      value: code,
    });
  }
  return bindById('transactioncurrencies', id);
};
