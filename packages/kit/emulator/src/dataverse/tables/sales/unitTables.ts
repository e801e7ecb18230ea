import type { TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, text } from './columns.js';
import { DEFAULT_UNIT_GROUP } from './unitGroupTable.js';

/**
 * Units of measure (`uom`), each in one unit group (`uomscheduleid`, required). A unit a seed or
 * test writes without a group joins the organization's "Default Unit" group.
 */
export const UOM_TABLE: TableDefinition = {
  set: 'uoms',
  logical: 'uom',
  changeTracking: true,
  primaryKey: 'uomid',
  primaryName: 'name',
  alternateKey: 'name',
  columns: { name: text(100, true) },
  lookups: {
    uomscheduleid: {
      targets: ['uomschedules'],
      required: true,
      directDefault: { named: DEFAULT_UNIT_GROUP, set: 'uomschedules' },
    },
  },
  states: ACTIVE_INACTIVE,
};
