import { isBlank, type NamedTransform, type Scalar, type TransformContext } from '@p2c/core';
import { CURRENCIES } from '../references/currenciesReference.js';
import { findCurrency } from '../references/findCurrency.js';
import { PRICE_LISTS } from '../references/priceListsReference.js';
import { firstPriceListFor, type PriceListChoice } from '../references/firstPriceList.js';
import { referenceRows } from '../references/referenceRows.js';
import { bindById } from './lookupBinds.js';

/**
 * The record's price list: the first active Sales price list by name whose currency is
 * `currencyCode`. None in that currency fails the record (`NO_PRICE_LIST`). A blank currency, or
 * (when the task reads the currencies too) one Sales does not have, gives null: the currency bind
 * or the canonical entity already fails the record for it, and one reason is enough.
 */
export function priceListFor(
  currencyCode: Scalar,
  context: Pick<TransformContext, 'references' | 'field'>,
): PriceListChoice | null {
  if (isBlank(currencyCode)) return null;
  const currencies = context.references?.[CURRENCIES];
  if (currencies && !findCurrency(currencies, String(currencyCode))) return null;
  const rows = referenceRows(context, PRICE_LISTS, 'priceListsReference');
  return firstPriceListFor(rows, String(currencyCode), context.field);
}

/**
 * `pricelevelid@odata.bind` from the record's currency code: `/pricelevels(<id>)` of the first
 * active price list by name in that currency. Sales needs a price list on a product, an order and
 * an invoice, so a currency no list has fails the record, naming the currency.
 */
export const priceListBind: NamedTransform = (value, context) => {
  const list = priceListFor(value, context);
  return list ? bindById('pricelevels', list.id) : null;
};
