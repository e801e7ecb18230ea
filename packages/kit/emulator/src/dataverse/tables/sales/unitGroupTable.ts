import type { TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, text } from './columns.js';

/** The unit group every organization starts with; seeds' units without a group join it. */
export const DEFAULT_UNIT_GROUP = 'Default Unit';

/**
 * Unit groups (`uomschedule`): the units a product may be sold in. `baseuomname` names the
 * group's base unit (IsValidForUpdate False in the reference; kept as given here).
 */
export const UOM_SCHEDULE_TABLE: TableDefinition = {
  set: 'uomschedules',
  logical: 'uomschedule',
  changeTracking: true,
  primaryKey: 'uomscheduleid',
  primaryName: 'name',
  alternateKey: 'name',
  columns: {
    name: text(200, true),
    description: text(2000),
    baseuomname: text(100),
  },
  lookups: {},
  states: ACTIVE_INACTIVE,
};
