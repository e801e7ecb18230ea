import { FinOpsFault } from '../FinOpsFault.js';
import { readFieldValue } from '../fieldValues.js';
import type { EntityDefinition, EntityFieldKind, FinOpsEntityRow } from './EntityDefinition.js';
import { ENTITY_NAMESPACE } from './entityModel.js';

/**
 * Reads a write body for a declared entity as F&O's OData layer deserialises it: unknown
 * properties, wrong types and unknown enum members are refused before any X++ validation.
 * Instance annotations are ignored, and so are the read-only computed fields (clients often
 * send a row back as they read it).
 */
export function readEntityPayload(
  definition: EntityDefinition,
  body: Record<string, unknown>,
): Partial<FinOpsEntityRow> {
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
    changes[key] = readFieldValue(key, kind, value);
  }
  return changes;
}
