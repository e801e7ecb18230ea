import type { TableDefinition } from '../TableDefinition.js';
import { text } from './columns.js';

/**
 * Users (`systemuser`): what an `ownerid` lookup points at, with teams. Dataverse keeps a user's
 * state in `isdisabled`, not `statecode`; the emulator gives the row the generic Active state.
 */
export const SYSTEM_USER_TABLE: TableDefinition = {
  set: 'systemusers',
  logical: 'systemuser',
  primaryKey: 'systemuserid',
  primaryName: 'fullname',
  columns: {
    fullname: text(200),
    domainname: { kind: 'string', maxLength: 1024, required: 'webapi' },
    internalemailaddress: text(100),
    isdisabled: { kind: 'boolean', default: false },
  },
  lookups: {},
  states: { 0: 'Active' },
  statusCode: false,
};

/** Teams (`team`): the other kind of owner a row can have. */
export const TEAM_TABLE: TableDefinition = {
  set: 'teams',
  logical: 'team',
  primaryKey: 'teamid',
  primaryName: 'name',
  columns: { name: { kind: 'string', maxLength: 160, required: 'webapi' } },
  lookups: {},
  states: { 0: 'Active' },
  statusCode: false,
};
