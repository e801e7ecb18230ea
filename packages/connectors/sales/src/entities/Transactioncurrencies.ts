import { z } from 'zod';
import { text } from './columns.js';

/** The Dataverse `transactioncurrencies` columns. */
export const transactioncurrenciesEntity = z.object({
  transactioncurrencyid: text,
  isocurrencycode: text,
  currencyname: text,
  currencysymbol: text,
  modifiedon: text,
});
