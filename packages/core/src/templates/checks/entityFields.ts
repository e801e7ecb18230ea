import type { z } from 'zod';
import type { TaskCheckContext } from './TaskCheckContext.js';

/** The fields a side of a task has: their names and, when someone describes them, their types. */
export interface EntityFields {
  /** What the fields were read from, for messages. */
  describedBy: string;
  names: ReadonlySet<string>;
  /** The field's schema, when the entity is described by a schema rather than a list of names. */
  typeOf(field: string): z.ZodType | undefined;
  /** Whether the fields come from a schema: only then does a dotted path's first segment get checked. */
  described: boolean;
}

function fromSchema(schema: z.ZodObject, describedBy: string): EntityFields {
  const shape: Readonly<Record<string, z.ZodType>> = schema.shape;
  return {
    describedBy,
    names: new Set(Object.keys(shape)),
    typeOf: (field) => shape[field],
    described: true,
  };
}

function side(context: TaskCheckContext, which: 'source' | 'destination'): EntityFields {
  const { connector, ref } = context.task[which];
  const schema = context.describeEntity(connector, ref.entity);
  if (schema) return fromSchema(schema, `the ${connector} entity ${ref.entity}`);
  return {
    describedBy: `the declared fields of ${ref.entity}`,
    names: new Set([...ref.key, ...ref.fields, ...optionFields(ref.options)]),
    typeOf: () => undefined,
    described: false,
  };
}

/**
 * The columns a connector's entity options name besides `fields`: the id column and the joined
 * lookups (`idField`, `lookups` of the Dataverse source), which the records hold too.
 */
function optionFields(options: Readonly<Record<string, unknown>> | undefined): string[] {
  if (!options) return [];
  const { idField, lookups } = options;
  return [
    ...(typeof idField === 'string' ? [idField] : []),
    ...(typeof lookups === 'object' && lookups !== null ? Object.keys(lookups) : []),
  ];
}

export const sourceFields = (context: TaskCheckContext): EntityFields => side(context, 'source');
export const destinationFields = (context: TaskCheckContext): EntityFields => side(context, 'destination');
export function canonicalFields(context: TaskCheckContext): EntityFields {
  const { name, schema } = context.task.canonical;
  const describedBy = `the canonical entity ${name}`;
  // A JavaScript plugin's schema may have no shape: then nothing says which fields it has.
  if (typeof (schema as Partial<z.ZodObject>).shape !== 'object') {
    return { describedBy, names: new Set(), typeOf: () => undefined, described: false };
  }
  return fromSchema(schema, describedBy);
}

/**
 * Whether a (dotted) path names a field. A dotted path reads a joined lookup
 * (`quoteid.quotenumber`): only its first segment is an entity field, and it is checked only
 * when a connector describes the entity, since templates declare the joined lookups apart from
 * their `ref.fields`.
 */
export function hasPath(fields: EntityFields, path: string): boolean {
  const [first = path] = path.split('.');
  if (first !== path && !fields.described) return true;
  return fields.names.has(columnOf(first));
}

/**
 * The column an OData name is about: `defaultuomid@odata.bind` binds the `defaultuomid` lookup,
 * `paymenttermscode@OData.Community.Display.V1.FormattedValue` is that column's display text.
 */
export function columnOf(name: string): string {
  const at = name.indexOf('@');
  return at > 0 ? name.slice(0, at) : name;
}

/** The nearest names, to suggest a fix for a misspelling. */
export function closest(fields: EntityFields, wanted: string): string {
  const lower = wanted.toLowerCase();
  const near = [...fields.names].filter(
    (name) => name.toLowerCase() === lower || distance(name.toLowerCase(), lower) <= 2,
  );
  return near.length > 0 ? ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j] ?? 0;
      row[j] = Math.min(kept + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length] ?? 0;
}
