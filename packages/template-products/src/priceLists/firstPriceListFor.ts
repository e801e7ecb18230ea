import { RecordError, isBlank, type NamedTransform, type ReferenceTable, type TransformContext } from '@p2c/core';

/** The name of the reference table of Sales price lists, in `context.references`. */
export const PRICE_LISTS = 'priceLists';

type Row = Readonly<Record<string, unknown>>;

/** Sales price lists with their currency's code, read in full once per run. */
export const priceListsReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'pricelevels',
    key: [],
    fields: ['name', 'statecode'],
    options: {
      idField: 'pricelevelid',
      changeTracking: false,
      lookups: { transactioncurrencyid: { entity: 'transactioncurrencies', idField: 'transactioncurrencyid', select: ['isocurrencycode'] } },
    },
  },
};

/** A price list as the choice needs it. */
export interface PriceListChoice {
  id: string;
  name: string;
}

/** Per run, the first active price list of each currency (the reference rows are one array per run). */
const firstByCurrency = new WeakMap<readonly Row[], Map<string, PriceListChoice>>();

function indexOf(priceLists: readonly Row[]): Map<string, PriceListChoice> {
  let index = firstByCurrency.get(priceLists);
  if (index) return index;
  index = new Map();
  const active = priceLists
    .filter((row) => row['statecode'] === undefined || row['statecode'] === null || Number(row['statecode']) === 0)
    .map((row) => ({
      id: String(row['pricelevelid'] ?? ''),
      name: String(row['name'] ?? ''),
      currency: currencyOf(row),
    }))
    .filter((list) => list.id !== '' && list.currency !== null)
    // By name as users read a list (case aside), then by id so equal names still choose the same one every run.
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const list of active) {
    if (!index.has(list.currency!)) index.set(list.currency!, { id: list.id, name: list.name });
  }
  firstByCurrency.set(priceLists, index);
  return index;
}

function currencyOf(row: Row): string | null {
  const currency = row['transactioncurrencyid'];
  if (currency === null || typeof currency !== 'object') return null;
  const code = (currency as Row)['isocurrencycode'];
  return typeof code === 'string' && code.trim() !== '' ? code.trim().toUpperCase() : null;
}

/**
 * The price list a product joins: the first active Sales price list, by name, whose currency is
 * the product's. None in that currency fails the product alone, saying so.
 */
export function firstPriceListFor(priceLists: readonly Row[], currencyCode: string, field = 'pricelevelid'): PriceListChoice {
  const code = currencyCode.trim().toUpperCase();
  const found = findFirstPriceList(priceLists, code);
  if (!found) {
    throw new RecordError(`No price list in Sales has currency ${code}`, { code: 'NO_PRICE_LIST', field, value: code });
  }
  return found;
}

/** As `firstPriceListFor`, but null when no price list has the currency. */
export function findFirstPriceList(priceLists: readonly Row[], currencyCode: string): PriceListChoice | null {
  return indexOf(priceLists).get(currencyCode.trim().toUpperCase()) ?? null;
}

/** The price list rows of the run; a task that did not declare the reference table is a template bug. */
export function priceListsOf(context: Pick<TransformContext, 'references'>): readonly Row[] {
  const rows = context.references?.[PRICE_LISTS];
  if (!rows) throw new Error(`The task has no '${PRICE_LISTS}' reference table (declare priceListsReference)`);
  return rows;
}

/**
 * The product's price list for its currency (the CDS Product's `CurrencyCode`). `required`
 * fails the record when there is none; otherwise that is null, for a field that another one
 * already fails for.
 */
export function priceListOfRecord(context: TransformContext, required = true): PriceListChoice | null {
  const currency = context.record['CurrencyCode'];
  if (isBlank(currency)) return null;
  const rows = priceListsOf(context);
  return required ? firstPriceListFor(rows, String(currency), context.field) : findFirstPriceList(rows, String(currency));
}

/** `pricelevelid@odata.bind` from the CDS Product's currency: `/pricelevels(<id>)`. */
export const priceListBind: NamedTransform = (_value, context) => {
  const list = priceListOfRecord(context);
  return list ? `/pricelevels(${list.id})` : null;
};
