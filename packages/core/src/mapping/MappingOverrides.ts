import { z } from 'zod';
import { ConfigError } from '../errors/index.js';
import type { FieldMapping, Mapping } from './Mapping.js';
import { scalarSchema, type Transform } from './Transform.js';

/** What the configuration may change in a task's mappings, by target field name. */
export const mappingOverridesSchema = z.object({
  defaults: z.record(z.string(), scalarSchema).default({}),
  valueMaps: z.record(z.string(), z.record(z.string(), scalarSchema)).default({}),
});
export type MappingOverrides = z.infer<typeof mappingOverridesSchema>;

/**
 * Returns the mappings with the configuration's defaults and value maps applied. A value map
 * goes before the field's default (so a blank still takes the default); either switches on a
 * field that is only mapped on request. A name that no mapping produces is a config error.
 * A name that several mappings produce (`PaymentTerms` in the CDS entity and in F&O) is set in
 * the last of them, the one nearest the destination: a value map written for the destination
 * would otherwise also rewrite the canonical value and then fail to match it.
 */
export function withOverrides(mappings: readonly Mapping[], overrides: MappingOverrides, where: string): Mapping[] {
  const owner = new Map<string, number>();
  mappings.forEach((mapping, index) => mapping.fields.forEach((field) => owner.set(field.target, index)));
  const known = new Set(owner.keys());
  for (const [kind, entries] of [
    ['defaults', overrides.defaults],
    ['valueMaps', overrides.valueMaps],
  ] as const) {
    for (const field of Object.keys(entries)) {
      if (!known.has(field)) {
        throw new ConfigError(
          `${where}.${kind}.${field}: no mapping produces '${field}'. Fields you can set: ${[...known].sort().join(', ')}`,
          { code: 'UNKNOWN_MAPPED_FIELD' },
        );
      }
    }
  }
  return mappings.map((mapping, index) => ({
    ...mapping,
    fields: mapping.fields.map((field) =>
      owner.get(field.target) === index ? overrideField(field, overrides) : field,
    ),
  }));
}

function overrideField(field: FieldMapping, overrides: MappingOverrides): FieldMapping {
  const valueMap = overrides.valueMaps[field.target];
  const hasDefault = Object.hasOwn(overrides.defaults, field.target);
  if (!valueMap && !hasDefault) return field;
  let transforms: Transform[] = [...(field.transforms ?? [])];
  if (valueMap) {
    // The configured map takes the place of the field's own one (a bind may follow it: the price
    // list's name from the currency, then the list by that name); without one, before the default.
    const own = transforms.findIndex((t) => t.transformType === 'ValueMap');
    transforms = transforms.filter((t) => t.transformType !== 'ValueMap');
    const firstDefault = transforms.findIndex((t) => t.transformType === 'Default');
    const at = own !== -1 ? own : firstDefault === -1 ? transforms.length : firstDefault;
    transforms.splice(at, 0, { transformType: 'ValueMap', valueMap });
  }
  if (hasDefault) {
    const value = overrides.defaults[field.target] ?? null;
    transforms = transforms.filter((t) => t.transformType !== 'Default');
    transforms.push({ transformType: 'Default', value });
  }
  // Configuring a field at all switches on one that is only mapped on request.
  const { onlyWithValueMap: _switchedOn, ...rest } = field;
  return { ...rest, transforms };
}
