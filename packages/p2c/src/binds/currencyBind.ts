import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { CURRENCIES } from '../references/currenciesReference.js';
import { findCurrency } from '../references/findCurrency.js';
import { referenceRows } from '../references/referenceRows.js';
import { bindById } from './lookupBinds.js';

/**
 * `transactioncurrencyid@odata.bind` from an ISO currency code: `/transactioncurrencies(<id>)`.
 * Sales binds currencies by id only, so the code is looked up in the `currencies` reference
 * table. A record without a currency fails (`CURRENCY_MISSING`): its price list, which Sales
 * requires, is chosen by currency. A currency Sales does not have fails it too (`UNKNOWN_CURRENCY`).
 */
export const currencyBind: NamedTransform = (value, context) => {
  const { field } = context;
  if (isBlank(value)) {
    throw new RecordError(`${field}: the record has no currency`, { code: 'CURRENCY_MISSING', field });
  }
  const code = String(value).trim().toUpperCase();
  const id = findCurrency(referenceRows(context, CURRENCIES, 'currenciesReference'), code)?.['transactioncurrencyid'];
  if (typeof id !== 'string' || id === '') {
    throw new RecordError(`${field}: Sales has no currency '${code}' (add it in Sales under Currencies)`, {
      code: 'UNKNOWN_CURRENCY',
      field,
      value: code,
    });
  }
  return bindById('transactioncurrencies', id);
};
