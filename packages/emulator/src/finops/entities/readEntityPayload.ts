import { NO_YES_ENUM } from '../customerFields.js';
import { FinOpsFault } from '../FinOpsFault.js';
import type { EntityDefinition, EntityFieldKind, FinOpsEntityRow } from './EntityDefinition.js';
import { ENTITY_NAMESPACE } from './entityModel.js';

const EDM: Record<EntityFieldKind, string> = {
  string: 'Edm.String',
  decimal: 'Edm.Decimal',
  integer: 'Edm.Int32',
  datetime: 'Edm.DateTimeOffset',
  noyes: NO_YES_ENUM,
};

function conversionError(type: string): FinOpsFault {
  return new FinOpsFault(
    400,
    `Cannot convert a primitive value to the expected type '${type}'. See the inner exception for more details.`,
  );
}

/** F&O keeps date-times in whole seconds, UTC. */
export function normaliseDateTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) return undefined;
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Reads a write body for a declared entity as F&O's OData layer deserialises it: unknown
 * properties, wrong types and unknown enum members are refused before any X++ validation.
 * Instance annotations are ignored, and so are the read-only computed fields (clients often
 * send a row back as they read it).
 */
export function readEntityPayload(definition: EntityDefinition, body: Record<string, unknown>): Partial<FinOpsEntityRow> {
  const changes: Partial<FinOpsEntityRow> = {};
  const typeName = `${ENTITY_NAMESPACE}.${definition.typeName}`;
  for (const [key, value] of Object.entries(body)) {
    if (key.includes('@') || Object.hasOwn(definition.computed ?? {}, key)) continue;
    const kind: EntityFieldKind | undefined = key === 'dataAreaId' ? 'string' : definition.fields[key]?.kind;
    if (!kind || (key !== 'dataAreaId' && !Object.hasOwn(definition.fields, key))) {
      throw new FinOpsFault(
        400,
        `The property '${key}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`,
      );
    }
    if (value === null) {
      if (kind === 'string') {
        changes[key] = '';
        continue;
      }
      const type = EDM[kind];
      throw new FinOpsFault(
        400,
        `A null value was found for the property named '${key}', which has the expected type '${type}[Nullable=False]'. The expected type '${type}[Nullable=False]' does not allow null values.`,
      );
    }
    switch (kind) {
      case 'string':
        if (typeof value !== 'string') throw conversionError('Edm.String');
        changes[key] = key === 'dataAreaId' ? value.toLowerCase() : value;
        break;
      case 'decimal':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw conversionError('Edm.Decimal');
        changes[key] = value;
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw conversionError('Edm.Int32');
        changes[key] = value;
        break;
      case 'datetime': {
        const normalised = typeof value === 'string' ? normaliseDateTime(value) : undefined;
        if (normalised === undefined) throw conversionError('Edm.DateTimeOffset');
        changes[key] = normalised;
        break;
      }
      case 'noyes':
        if (value !== 'Yes' && value !== 'No') {
          throw new FinOpsFault(400, `The value '${String(value)}' is not a valid member of the enumeration type '${NO_YES_ENUM}'.`);
        }
        changes[key] = value;
        break;
    }
  }
  return changes;
}
