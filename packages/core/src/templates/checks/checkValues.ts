import type { FieldMapping, Mapping, Scalar } from '../../mapping/index.js';
import { canonicalFields, destinationFields, type EntityFields } from './entityFields.js';
import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';
import { valueMisfit } from './valueFits.js';

/**
 * Every default and value-map output, the template's and the configuration's, has the type of
 * the field it fills: `CustomerGroupId: 10` where F&O wants text would fail every record.
 * A value a later `Function` transform rewrites is the function's input, so it is not checked.
 */
export function checkValues(context: TaskCheckContext): void {
  const { task } = context;
  const legs: [Mapping, EntityFields][] = [
    [task.sourceToCanonical, canonicalFields(context)],
    [task.canonicalToDestination, destinationFields(context)],
  ];
  for (const [mapping, fields] of legs) {
    for (const field of mapping.fields) {
      const type = fields.typeOf(field.target);
      for (const [what, value] of declaredValues(field)) {
        const misfit = valueMisfit(type, value);
        if (misfit) throw taskInvalid(context, field.target, `${mapping.name}: ${what} ${misfit}`);
      }
    }
  }
  const overrides = context.overrides;
  if (!overrides) return;
  // The configuration's value goes to the last leg that produces the field (`withOverrides`).
  const owner = (target: string): EntityFields | undefined =>
    legs.findLast(([mapping]) => mapping.fields.some((f) => f.target === target))?.[1];
  for (const [target, value] of Object.entries(overrides.defaults ?? {})) {
    const misfit = valueMisfit(owner(target)?.typeOf(target), value);
    if (misfit) throw taskInvalid(context, `defaults.${target}`, `the default ${misfit}`);
  }
  for (const [target, map] of Object.entries(overrides.valueMaps ?? {})) {
    for (const [from, value] of Object.entries(map)) {
      const misfit = valueMisfit(owner(target)?.typeOf(target), value);
      // The "" entry (blank or unmatched input) has no name of its own to print.
      const entry = from === '' ? `valueMaps.${target}[""]` : `valueMaps.${target}.${from}`;
      if (misfit) throw taskInvalid(context, entry, `the value map's output ${misfit}`);
    }
  }
}

function declaredValues(field: FieldMapping): [string, Scalar][] {
  const transforms = field.transforms ?? [];
  const lastFunction = transforms.findLastIndex((t) => t.transformType === 'Function');
  return transforms.slice(lastFunction + 1).flatMap((t): [string, Scalar][] => {
    if (t.transformType === 'Default') return [['the default', t.value]];
    if (t.transformType === 'ValueMap') return Object.values(t.valueMap).map((v) => ['the value map output', v]);
    return [];
  });
}
