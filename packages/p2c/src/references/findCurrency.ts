import { fieldText } from '@p2c/core';

type Row = Readonly<Record<string, unknown>>;

/** The Sales currency row of an ISO code (trimmed, any case), from the rows of `currenciesReference`. */
export function findCurrency(currencies: readonly Row[], code: string): Row | undefined {
  const wanted = code.trim().toUpperCase();
  return currencies.find((row) => fieldText(row['isocurrencycode']).trim().toUpperCase() === wanted);
}
