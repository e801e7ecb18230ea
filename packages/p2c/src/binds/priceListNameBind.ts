import { fieldText, isBlank, RecordError, type NamedTransform } from '@p2c/core';
import { isActivePriceList } from '../references/firstPriceList.js';
import { PRICE_LISTS } from '../references/priceListsReference.js';
import { referenceRows } from '../references/referenceRows.js';
import { bindById } from './lookupBinds.js';

/**
 * `pricelevelid@odata.bind` from a price list's name (the per-currency value map before it gives
 * the name): `/pricelevels(<id>)` of the active Sales price list so named, without regard to case.
 * Sales requires a price list on an order and an invoice, so a name no active list has fails the
 * record, naming it, and so does a blank name (a map entry without one): never a record without one.
 */
export const priceListNameBind: NamedTransform = (value, context) => {
  if (isBlank(value)) {
    throw new RecordError(`${context.field}: the value map gives no price list name for this currency`, {
      code: 'NO_PRICE_LIST',
      field: context.field,
    });
  }
  const name = String(value).trim();
  const rows = referenceRows(context, PRICE_LISTS, 'priceListsReference');
  const found = rows
    .filter(isActivePriceList)
    .filter((row) => fieldText(row['name']).localeCompare(name, 'en', { sensitivity: 'base' }) === 0)
    .map((row) => fieldText(row['pricelevelid']))
    .filter((id) => id !== '')
    .sort()[0];
  if (!found) {
    throw new RecordError(
      `No active price list in Sales is named '${name}' (set the ${context.field} value map to a price list Sales has)`,
      { code: 'NO_PRICE_LIST', field: context.field, value: name },
    );
  }
  return bindById('pricelevels', found);
};
