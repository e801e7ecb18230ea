import type { EdmPrimitive, PropertyModel } from '../odata/EntityModel.js';
import type { EntityFieldKind, FinOpsEntityValue } from './entities/EntityDefinition.js';
import { FinOpsFault } from './FinOpsFault.js';
import { valueText } from '../odata/valueText.js';

/** F&O's NoYes enum, as `$filter` literals and `$metadata` name it. */
const NO_YES_ENUM = 'Microsoft.Dynamics.DataEntities.NoYes';

/** The wire type of each field kind, as F&O's messages name it. */
const PRIMITIVE: Readonly<Record<Exclude<EntityFieldKind, 'noyes'>, EdmPrimitive>> = {
  string: 'Edm.String',
  decimal: 'Edm.Decimal',
  integer: 'Edm.Int32',
  datetime: 'Edm.DateTimeOffset',
};
const EDM_TYPE: Readonly<Record<EntityFieldKind, string>> = { ...PRIMITIVE, noyes: NO_YES_ENUM };

/** The `$metadata` / query model of a field of this kind. */
export function fieldPropertyModel(kind: EntityFieldKind): PropertyModel {
  return kind === 'noyes' ? { type: { enumType: NO_YES_ENUM, members: ['No', 'Yes'] } } : { type: PRIMITIVE[kind] };
}

/** F&O keeps date-times in whole seconds, UTC. */
export function normaliseDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function conversionError(kind: EntityFieldKind): FinOpsFault {
  return new FinOpsFault(
    400,
    `Cannot convert a primitive value to the expected type '${EDM_TYPE[kind]}'. See the inner exception for more details.`,
  );
}

/**
 * One property of a write body as F&O's OData layer deserialises it: a null string is empty,
 * any other null, a wrong type or an unknown enum member is refused before any X++ validation.
 */
export function readFieldValue(key: string, kind: EntityFieldKind, value: unknown): FinOpsEntityValue {
  if (value === null) {
    if (kind === 'string') return '';
    const type = EDM_TYPE[kind];
    throw new FinOpsFault(
      400,
      `A null value was found for the property named '${key}', which has the expected type '${type}[Nullable=False]'. The expected type '${type}[Nullable=False]' does not allow null values.`,
    );
  }
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') throw conversionError(kind);
      return key === 'dataAreaId' ? value.toLowerCase() : value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw conversionError(kind);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw conversionError(kind);
      return value;
    case 'datetime': {
      const normalised = typeof value === 'string' ? normaliseDateTime(value) : undefined;
      if (normalised === undefined) throw conversionError(kind);
      return normalised;
    }
    case 'noyes':
      if (value !== 'Yes' && value !== 'No') {
        throw new FinOpsFault(
          400,
          `The value '${valueText(value)}' is not a valid member of the enumeration type '${NO_YES_ENUM}'.`,
        );
      }
      return value;
  }
}
