import { isBlank, scalarText, stableGuid, type NamedTransform } from '@p2c/core';
import { priceListOfRecord } from '../priceLists/priceListBind.js';

/**
 * The price list item's id, chosen by p2c (the table has no alternate key): the same product in
 * the same price list always gives the same GUID, so writing it again updates the same row.
 */
export const priceListItemId: NamedTransform = (_value, context) => {
  const productNumber = scalarText(context.record['ProductNumber']);
  // The price list bind fails the record when there is no list; one reason is enough.
  const list = priceListOfRecord(context, false);
  if (isBlank(productNumber) || !list) return null;
  return stableGuid('productpricelevel', productNumber, list.id);
};
