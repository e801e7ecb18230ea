import { lookupColumn, type TableDefinition } from '../TableDefinition.js';
import { tableFaults } from '../tableFaults.js';
import { flag, money, text } from './columns.js';

/**
 * Products (`product`), keyed by product number. The unit group (`defaultuomscheduleid`) is
 * required and the default unit must be one of its units; the default price list
 * (`pricelevelid`) is not valid for create (the reference's IsValidForCreate: False): it is set
 * by an update.
 */
export const PRODUCT_TABLE: TableDefinition = {
  set: 'products',
  logical: 'product',
  changeTracking: true,
  primaryKey: 'productid',
  primaryName: 'name',
  alternateKey: 'productnumber',
  columns: {
    productnumber: text(100, true),
    name: text(100, true),
    description: text(2000),
    msdyn_isexternallymaintained: flag(),
    price: money(),
    quantitydecimal: { kind: 'integer', min: 0, max: 5, default: 2 },
  },
  lookups: {
    defaultuomid: { targets: ['uoms'], required: true },
    defaultuomscheduleid: {
      targets: ['uomschedules'],
      required: true,
      // Seeds written before unit groups were modelled: the group of the product's unit.
      directDefault: { via: 'defaultuomid', column: lookupColumn('uomscheduleid'), set: 'uomschedules' },
    },
    pricelevelid: { targets: ['pricelevels'], validForCreate: false },
    transactioncurrencyid: { targets: ['transactioncurrencies'] },
  },
  states: { 0: 'Active', 1: 'Retired' },
  validate: (row, tables) => {
    const unitId = row[lookupColumn('defaultuomid')];
    const groupId = row[lookupColumn('defaultuomscheduleid')];
    if (typeof unitId !== 'string' || typeof groupId !== 'string') return;
    const unit = tables.row('uoms', unitId);
    if (unit && unit[lookupColumn('uomscheduleid')] !== groupId) throw tableFaults.unitNotInSchedule();
  },
};
