import { fieldText, RecordError } from '@p2c/core';

type Row = Readonly<Record<string, unknown>>;

/** A price list as the choice gives it. */
export interface PriceListChoice {
  id: string;
  name: string;
}

/** Per run, the first active price list of each currency (a run's reference rows are one array). */
const firstByCurrency = new WeakMap<readonly Row[], Map<string, PriceListChoice>>();

/** Whether a price list row is active (`statecode` 0; a row read without its state counts as active). */
export function isActivePriceList(row: Row): boolean {
  return row['statecode'] === undefined || row['statecode'] === null || Number(row['statecode']) === 0;
}

function currencyOf(row: Row): string | null {
  const currency = row['transactioncurrencyid'];
  if (currency === null || typeof currency !== 'object') return null;
  const code = (currency as Row)['isocurrencycode'];
  return typeof code === 'string' && code.trim() !== '' ? code.trim().toUpperCase() : null;
}

function indexOf(priceLists: readonly Row[]): Map<string, PriceListChoice> {
  let index = firstByCurrency.get(priceLists);
  if (index) return index;
  index = new Map();
  const active = priceLists
    .filter(isActivePriceList)
    .map((row) => ({ id: fieldText(row['pricelevelid']), name: fieldText(row['name']), currency: currencyOf(row) }))
    .filter((list): list is { id: string; name: string; currency: string } => list.id !== '' && list.currency !== null)
    // By name as users read a list (case aside), then by id so equal names still choose the same one every run.
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  for (const list of active) {
    if (!index.has(list.currency)) index.set(list.currency, { id: list.id, name: list.name });
  }
  firstByCurrency.set(priceLists, index);
  return index;
}

/**
 * The first active Sales price list, by name, whose currency is `currencyCode` (rows of
 * `priceListsReference`); null when none has it.
 */
export function findFirstPriceList(priceLists: readonly Row[], currencyCode: string): PriceListChoice | null {
  return indexOf(priceLists).get(currencyCode.trim().toUpperCase()) ?? null;
}

/** As `findFirstPriceList`, but none in the currency fails the record alone, saying so (`NO_PRICE_LIST`). */
export function firstPriceListFor(
  priceLists: readonly Row[],
  currencyCode: string,
  field = 'pricelevelid',
): PriceListChoice {
  const code = currencyCode.trim().toUpperCase();
  const found = findFirstPriceList(priceLists, code);
  if (!found) {
    throw new RecordError(`No price list in Sales has currency ${code}`, { code: 'NO_PRICE_LIST', field, value: code });
  }
  return found;
}
