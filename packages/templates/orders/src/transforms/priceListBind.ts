import { isBlank, scalarText, type NamedTransform } from '@p2c/core';
import { PRICE_LISTS, bindById, findFirstPriceList } from '@p2c/sales';

type Row = Readonly<Record<string, unknown>>;

/** The row of the first active price list, by name, in currency `code` (see `findFirstPriceList` in @p2c/sales). */
export function firstPriceListIn(priceLists: readonly Row[], code: string): Row | undefined {
  const chosen = findFirstPriceList(priceLists, code);
  return chosen ? priceLists.find((row) => scalarText(row['pricelevelid']) === chosen.id) : undefined;
}

/**
 * `pricelevelid@odata.bind` from the record's currency code: the first price list by name in that
 * currency, `/pricelevels(<id>)`. Orders and invoices do not need a price list in Sales, so
 * without one the lookup is left out (null) rather than failing the record.
 */
export const priceListBind: NamedTransform = (value, { references }) => {
  if (isBlank(value)) return null;
  const list = findFirstPriceList(references?.[PRICE_LISTS] ?? [], String(value));
  return list ? bindById('pricelevels', list.id) : null;
};
