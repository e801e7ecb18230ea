import { isBlank, type NamedTransform } from '@p2c/core';
import { bindById } from './bindByAlternateKey.js';

type Row = Readonly<Record<string, unknown>>;

function currencyOf(priceList: Row): string {
  const currency = priceList['transactioncurrencyid'];
  const code = currency !== null && typeof currency === 'object' ? (currency as Row)['isocurrencycode'] : undefined;
  return typeof code === 'string' ? code.trim().toUpperCase() : '';
}

/**
 * The first active price list, by name, whose currency is `code` (rows of the `priceLists`
 * reference table, each with its currency joined as `transactioncurrencyid.isocurrencycode`).
 */
export function firstPriceListIn(priceLists: readonly Row[], code: string): Row | undefined {
  const wanted = code.trim().toUpperCase();
  const active = (row: Row) => row['statecode'] === undefined || row['statecode'] === null || Number(row['statecode']) === 0;
  const id = (row: Row) => String(row['pricelevelid'] ?? '');
  return priceLists
    .filter((row) => active(row) && currencyOf(row) === wanted)
    // As the products template chooses: by name without regard to case, then by id.
    .sort((a, b) => String(a['name'] ?? '').localeCompare(String(b['name'] ?? ''), 'en', { sensitivity: 'base' }) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0))[0];
}

/**
 * `pricelevelid@odata.bind` from the record's currency code: the first price list by name in that
 * currency, `/pricelevels(<id>)`. Orders and invoices do not need a price list in Sales, so
 * without one the lookup is left out (null) rather than failing the record.
 */
export const priceListBind: NamedTransform = (value, { references }) => {
  if (isBlank(value)) return null;
  const list = firstPriceListIn(references?.['priceLists'] ?? [], String(value));
  const id = list?.['pricelevelid'];
  return typeof id === 'string' && id !== '' ? bindById('pricelevels', id) : null;
};
