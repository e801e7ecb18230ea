import type { EntityModel, PropertyModel } from '../../odata/EntityModel.js';
import { fieldPropertyModel } from '../fieldValues.js';
import type {
  EntityDefinition,
  EntityFieldKind,
  EntityLookup,
  FinOpsEntityRow,
  FinOpsEntityValue,
} from './EntityDefinition.js';
import { EMPTY_DATETIME } from './entityFields.js';

export const ENTITY_NAMESPACE = 'Microsoft.Dynamics.DataEntities';

const models = new WeakMap<EntityDefinition, EntityModel>();

/** The query model: dataAreaId, the stored fields, then the computed ones. */
export function entityModel(definition: EntityDefinition): EntityModel {
  let model = models.get(definition);
  if (!model) {
    const properties: Record<string, PropertyModel> = { dataAreaId: { type: 'Edm.String' } };
    for (const [name, field] of Object.entries(definition.fields)) properties[name] = fieldPropertyModel(field.kind);
    for (const [name, field] of Object.entries(definition.computed ?? {}))
      properties[name] = fieldPropertyModel(field.kind);
    model = { typeName: `${ENTITY_NAMESPACE}.${definition.typeName}`, properties };
    models.set(definition, model);
  }
  return model;
}

function defaultValue(kind: EntityFieldKind): FinOpsEntityValue {
  switch (kind) {
    case 'string':
      return '';
    case 'noyes':
      return 'No';
    case 'datetime':
      return EMPTY_DATETIME;
    default:
      return 0;
  }
}

const defaults = new WeakMap<EntityDefinition, readonly [string, FinOpsEntityValue][]>();

/** A new row with every stored field at its default, in the company given. */
export function emptyEntityRow(definition: EntityDefinition, dataAreaId: string): FinOpsEntityRow {
  let values = defaults.get(definition);
  if (!values) {
    values = Object.entries(definition.fields).map(([name, field]) => [
      name,
      field.defaultValue ?? defaultValue(field.kind),
    ]);
    defaults.set(definition, values);
  }
  const row: FinOpsEntityRow = { dataAreaId };
  for (const [name, value] of values) row[name] = value;
  return row;
}

export function keyOf(definition: EntityDefinition, row: FinOpsEntityRow): FinOpsEntityValue[] {
  return definition.keyFields.map((field) => row[field] ?? '');
}

/** Reads a stored or computed field of a row. */
export function readField(
  definition: EntityDefinition,
  lookup: EntityLookup,
  row: FinOpsEntityRow,
  property: string,
): FinOpsEntityValue | undefined {
  const computed = definition.computed?.[property];
  return computed ? computed.compute(row, lookup) : row[property];
}

/** The row as the API returns it (stored and computed fields, no annotations). */
export function presentEntityRow(
  definition: EntityDefinition,
  lookup: EntityLookup,
  row: FinOpsEntityRow,
): FinOpsEntityRow {
  const out: FinOpsEntityRow = {};
  for (const name of Object.keys(entityModel(definition).properties)) {
    const value = readField(definition, lookup, row, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
