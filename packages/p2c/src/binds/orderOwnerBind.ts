import { fieldText, isBlank, type NamedTransform } from '@p2c/core';
import { ORDER_OWNERS } from '../references/orderOwnersReference.js';
import { referenceRows } from '../references/referenceRows.js';
import { rowsByKey } from '../references/rowsByKey.js';
import { SYSTEM_USERS } from '../references/systemUsersReference.js';
import { bindById } from './lookupBinds.js';

/**
 * `ownerid@odata.bind` of an invoice from its order number: the owner of that Sales order, as
 * Microsoft's invoices document has it ("the owner of the sales order from which the invoice was
 * created is assigned as the owner of the invoice"), `/systemusers(<id>)` or `/teams(<id>)`. No
 * order, or an order Sales shows without an owner, gives null: the bind is left out and Sales
 * keeps its own owner (the connection's user on create).
 */
export const orderOwnerBind: NamedTransform = (value, context) => {
  if (isBlank(value)) return null;
  const number = String(value).trim().toUpperCase();
  const orders = referenceRows(context, ORDER_OWNERS, 'orderOwnersReference');
  const order = rowsByKey(orders, 'ordernumber', (row) => fieldText(row['ordernumber']).toUpperCase()).get(number);
  const owner = order ? fieldText(order['_ownerid_value']).toLowerCase() : '';
  if (owner === '') return null;
  const users = referenceRows(context, SYSTEM_USERS, 'systemUsersReference');
  const isUser = rowsByKey(users, 'systemuserid', (row) => fieldText(row['systemuserid']).toLowerCase()).has(owner);
  return bindById(isUser ? 'systemusers' : 'teams', owner);
};
