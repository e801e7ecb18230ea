import { isBlank, scalarText, stableGuid, type NamedTransform } from '@p2c/core';
import { PRICE_LISTS, findFirstPriceList, referenceRows } from '@p2c/prospect-to-cash';

/**
 * The price list item's id, chosen by p2c (the table has no alternate key): the same product in
 * the same price list always gives the same GUID, so writing it again updates the same row.
 */
export const priceListItemId: NamedTransform = (_value, context) => {
  const productNumber = scalarText(context.record['ProductNumber']);
  const currency = scalarText(context.record['CurrencyCode']);
  if (isBlank(productNumber) || isBlank(currency)) return null;
  // No list in the currency: the price list bind fails the record for it; one reason is enough.
  const list = findFirstPriceList(referenceRows(context, PRICE_LISTS, 'priceListsReference'), currency);
  return list ? stableGuid('productpricelevel', productNumber, list.id) : null;
};
