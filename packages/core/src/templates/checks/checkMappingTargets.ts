import { canonicalFields, closest, columnOf, destinationFields } from './entityFields.js';
import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';

/**
 * Every field the first leg produces is a field of the canonical entity, and every field the
 * second leg produces one of the destination entity: a target nothing has would be dropped.
 * A destination's declared `ref.fields` list what is read back, not all that may be written, so
 * destination targets are checked only when the connector describes the entity.
 */
export function checkMappingTargets(context: TaskCheckContext): void {
  const { task } = context;
  for (const [mapping, fields] of [
    [task.sourceToCanonical, canonicalFields(context)],
    [task.canonicalToDestination, destinationFields(context)],
  ] as const) {
    if (!fields.described) continue;
    for (const field of mapping.fields) {
      if (!fields.names.has(columnOf(field.target))) {
        throw taskInvalid(
          context,
          field.target,
          `${mapping.name} maps to '${field.target}', which is not a field of ${fields.describedBy}.${closest(fields, field.target)}`,
        );
      }
    }
  }
}
