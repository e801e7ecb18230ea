import type { TableDefinition } from '../TableDefinition.js';
import { ACTIVE_INACTIVE, text } from './columns.js';

/** Units of measure (`uom`). */
export const UOM_TABLE: TableDefinition = {
  set: 'uoms',
  logical: 'uom',
  changeTracking: true,
  primaryKey: 'uomid',
  primaryName: 'name',
  alternateKey: 'name',
  columns: { name: text(100, true) },
  lookups: {},
  states: ACTIVE_INACTIVE,
};
