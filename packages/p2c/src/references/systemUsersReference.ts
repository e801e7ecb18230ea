import type { ReferenceTable } from '@p2c/core';

/** The name templates give the reference table of Sales users, in `context.references`. */
export const SYSTEM_USERS = 'systemUsers';

/**
 * Sales users (`systemusers`), read in full once per run: an owner id among them is a user, any
 * other owner a team (an `ownerid` points at one or the other, and a bind must name which).
 */
export const systemUsersReference: ReferenceTable = {
  connector: 'dataverse',
  ref: {
    entity: 'systemusers',
    key: [],
    fields: ['fullname'],
    options: { idField: 'systemuserid', changeTracking: false },
  },
};
