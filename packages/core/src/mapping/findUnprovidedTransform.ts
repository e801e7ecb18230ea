import type { FieldMapping, Mapping } from './Mapping.js';

/** A `Function` transform a mapping names that nothing provides, where it is named. */
export interface UnprovidedTransform {
  mapping: Mapping;
  field: FieldMapping;
  name: string;
}

/** The first `Function` transform of the mappings whose name is not among `provided`. */
export function findUnprovidedTransform(
  mappings: readonly Mapping[],
  provided: (name: string) => boolean,
): UnprovidedTransform | undefined {
  for (const mapping of mappings) {
    for (const field of mapping.fields) {
      for (const transform of field.transforms ?? []) {
        if (transform.transformType === 'Function' && !provided(transform.name)) {
          return { mapping, field, name: transform.name };
        }
      }
    }
  }
  return undefined;
}
