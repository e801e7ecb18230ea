import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { alternateKeyBind } from './lookupBinds.js';

const unitByName = alternateKeyBind('uoms', 'name');

/**
 * `uomid@odata.bind` (and a product's `defaultuomid@odata.bind`) from a Sales unit name:
 * `/uoms(name='Each')`. Sales needs a unit on every product and line, so a record without one
 * fails, naming what to configure.
 */
export const unitBind: NamedTransform = (value, context) => {
  const { field } = context;
  if (isBlank(value)) {
    throw new RecordError(
      `${field}: the record has no sales unit (map a blank unit in the unit value map to give it one)`,
      { code: 'UNIT_MISSING', field },
    );
  }
  return unitByName(value, context);
};
