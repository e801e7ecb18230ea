import { RecordError, isBlank, type NamedTransform } from '@p2c/core';
import { unitBind as unitByName } from '@p2c/sales';

/**
 * F&O unit symbols to Sales unit names: the `Unit` value map's default. Configure your own
 * (`valueMaps: { Unit: { ... } }`); a symbol it does not hold fails the line.
 */
export const DEFAULT_UNIT_MAP: Readonly<Record<string, string>> = { ea: 'Each', pcs: 'Piece', hr: 'Hour' };

/**
 * `uomid@odata.bind` from a Sales unit name: `/uoms(name='Each')`. Sales needs a unit on every
 * line, so a line without one fails, naming what to configure.
 */
export const unitBind: NamedTransform = (value, context) => {
  const { field } = context;
  if (isBlank(value)) {
    throw new RecordError(
      `${field}: the line has no sales unit (map a blank unit in the Unit value map to give it one)`,
      {
        code: 'UNIT_MISSING',
        field,
      },
    );
  }
  return unitByName(value, context);
};
