import { isBlank, scalarText, type NamedTransform, type TransformContext } from '@p2c/core';
import { PRICE_LISTS, findFirstPriceList, firstPriceListFor, type PriceListChoice } from '@p2c/sales';

type Row = Readonly<Record<string, unknown>>;

/** The price list rows of the run; a task that did not declare the reference table is a template bug. */
function priceListsOf(context: Pick<TransformContext, 'references'>): readonly Row[] {
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
  // The CDS Product's schema has checked it is text.
  const currency = scalarText(context.record['CurrencyCode']);
  if (isBlank(currency)) return null;
  const rows = priceListsOf(context);
  return required ? firstPriceListFor(rows, currency, context.field) : findFirstPriceList(rows, currency);
}

/** `pricelevelid@odata.bind` from the CDS Product's currency: `/pricelevels(<id>)`; no list in the currency fails the product. */
export const priceListBind: NamedTransform = (_value, context) => {
  const list = priceListOfRecord(context);
  return list ? `/pricelevels(${list.id})` : null;
};
