import type { TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, text } from './columns.js';

/** The unit group every organization starts with; seeds' units without a group join it. */
export const DEFAULT_UNIT_GROUP = 'Default Unit';
/** The base unit of "Default Unit" in a new organization. */
const DEFAULT_BASE_UNIT = 'Primary Unit';

/**
 * Unit groups (`uomschedule`): the units a product may be sold in. `baseuomname` names the
 * group's base unit (IsValidForUpdate False in the reference; kept as given here). Dataverse
 * creates the base unit with the group; here a seed or test lists it among the `uoms`.
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
    baseuomname: { ...text(100), default: DEFAULT_BASE_UNIT },
  },
  lookups: {},
  states: ACTIVE_INACTIVE,
};
