import { lookupColumn, type TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, text } from './columns.js';
import { DEFAULT_UNIT_GROUP } from './unitGroupTable.js';

/**
 * Units of measure (`uom`), each in one unit group (`uomscheduleid`, required), as `quantity`
 * of its base unit (`baseuom`). A unit a seed or test writes without a group joins the
 * organization's "Default Unit" group. `isschedulebaseuom` says whether it is its group's base
 * unit (the one the group's `baseuomname` names).
 */
export const UOM_TABLE: TableDefinition = {
  set: 'uoms',
  logical: 'uom',
  changeTracking: true,
  primaryKey: 'uomid',
  primaryName: 'name',
  alternateKey: 'name',
  columns: {
    name: text(100, true),
    quantity: { kind: 'decimal', min: 0, max: 1_000_000_000, default: 1 },
    isschedulebaseuom: { kind: 'boolean', readOnly: true },
  },
  lookups: {
    uomscheduleid: {
      targets: ['uomschedules'],
      required: true,
      directDefault: { named: DEFAULT_UNIT_GROUP, set: 'uomschedules' },
    },
    baseuom: { targets: ['uoms'] },
  },
  states: ACTIVE_INACTIVE,
  compute: (row, tables) => {
    const groupId = row[lookupColumn('uomscheduleid')];
    const group = typeof groupId === 'string' ? tables.row('uomschedules', groupId) : undefined;
    const base = group?.['baseuomname'];
    const name = row['name'];
    return {
      isschedulebaseuom:
        typeof base === 'string' && typeof name === 'string' && base.trim().toLowerCase() === name.trim().toLowerCase(),
    };
  },
};
