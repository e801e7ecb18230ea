import { RecordError } from '../errors/index.js';
import type { Mapping } from './Mapping.js';
import { readPath } from './readPath.js';
import {
  isBlank,
  type NamedTransform,
  type RecordContext,
  type Scalar,
  type Transform,
  type TransformContext,
} from './Transform.js';

export type MappedRecord = Record<string, Scalar>;

export type MappingResult = { ok: true; value: MappedRecord } | { ok: false; errors: RecordError[] };

/**
 * Applies a mapping to one record. Pure: no I/O, no state. Every field is tried, so a record
 * with three problems reports all three. Blank results come out as null.
 */
export function applyMapping(
  mapping: Mapping,
  input: Readonly<Record<string, unknown>>,
  transforms: Readonly<Record<string, NamedTransform>> = {},
  about: RecordContext = {},
): MappingResult {
  const value: MappedRecord = {};
  const errors: RecordError[] = [];
  for (const field of mapping.fields) {
    if (field.onlyWithValueMap) continue;
    try {
      let current = toScalar(field.source === undefined ? null : readPath(input, field.source), field.target);
      if (field.transforms !== undefined && field.transforms.length > 0) {
        // One literal of a fixed shape per field that has transforms: this runs for every field of every record.
        const context: TransformContext = {
          key: about.key,
          parents: about.parents,
          references: about.references,
          field: field.target,
          record: input,
        };
        for (const transform of field.transforms) current = applyTransform(transform, current, context, transforms);
      }
      value[field.target] = isBlank(current) ? null : current;
    } catch (error) {
      if (error instanceof RecordError) errors.push(error);
      else throw error;
    }
  }
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

function applyTransform(
  transform: Transform,
  value: Scalar,
  context: TransformContext,
  named: Readonly<Record<string, NamedTransform>>,
): Scalar {
  switch (transform.transformType) {
    case 'Default':
      return isBlank(value) ? transform.value : value;
    case 'Truncate':
      return typeof value === 'string' && value.length > transform.length ? value.slice(0, transform.length) : value;
    case 'ValueMap': {
      const map = transform.valueMap;
      const input = isBlank(value) ? '' : String(value);
      if (Object.hasOwn(map, input)) return map[input] ?? null;
      if (Object.hasOwn(map, '')) return map[''] ?? null;
      if (input === '') return null;
      throw new RecordError(`${context.field}: no value map entry for '${input}'`, {
        code: 'VALUE_MAP_MISS',
        field: context.field,
        value: input,
      });
    }
    case 'Function': {
      const fn = named[transform.name];
      if (!fn) throw new Error(`Mapping uses transform '${transform.name}', which nothing provides`);
      return fn(value, context);
    }
  }
}

function toScalar(value: unknown, field: string): Scalar {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new RecordError(`${field}: expected a single value, got ${Array.isArray(value) ? 'a list' : 'an object'}`, {
    code: 'NOT_A_SCALAR',
    field,
  });
}
