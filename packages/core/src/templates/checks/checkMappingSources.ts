import { canonicalFields, closest, hasPath, sourceFields } from './entityFields.js';
import { taskInvalid, type TaskCheckContext } from './TaskCheckContext.js';

/** Every field a leg reads is one its input has: the source entity's, then the canonical entity's. */
export function checkMappingSources(context: TaskCheckContext): void {
  const { task } = context;
  for (const [mapping, fields] of [
    [task.sourceToCanonical, sourceFields(context)],
    [task.canonicalToDestination, canonicalFields(context)],
  ] as const) {
    if (!fields.described && fields.names.size === 0) continue;
    for (const field of mapping.fields) {
      if (field.source !== undefined && !hasPath(fields, field.source)) {
        throw taskInvalid(
          context,
          field.target,
          `${mapping.name} reads '${field.source}', which is not a field of ${fields.describedBy}.${closest(fields, field.source.split('.')[0] ?? field.source)}`,
        );
      }
    }
  }
}
