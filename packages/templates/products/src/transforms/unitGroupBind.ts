import { alternateKeyBind } from '@p2c/prospect-to-cash';

/**
 * `defaultuomscheduleid@odata.bind` from a Sales unit group name: `/uomschedules(name='Default Unit')`.
 * Dataverse needs a unit group on every product, and the product's unit must be one of its units.
 */
export const unitGroupBind = alternateKeyBind('uomschedules', 'name');
