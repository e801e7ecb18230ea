import type { ReferenceTable } from '@p2c/core';

/** The name templates give the reference table of Sales orders' owners, in `context.references`. */
export const ORDER_OWNERS = 'orderOwners';

/** Sales orders (`salesorders`) by order number with their owner's id, read in full once per run. */
export const orderOwnersReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'salesorders',
    key: [],
    fields: ['ordernumber', '_ownerid_value'],
    options: { idField: 'salesorderid', changeTracking: false },
  },
};
