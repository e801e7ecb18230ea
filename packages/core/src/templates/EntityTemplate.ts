import { z } from 'zod';
import { mappingSchema, type NamedTransform } from '../mapping/index.js';
import { numberSequenceSchema } from './NumberSequence.js';
import { parentReferenceSchema } from './ParentReference.js';
import { preconditionSchema } from './Precondition.js';
import { entityRefSchema, referenceTableSchema } from './ReferenceTable.js';
import { taskFilterSchema } from './TaskFilter.js';

const text = z.string().min(1);
const isFunction = (value: unknown): boolean => typeof value === 'function';

export const onKeyChangeSchema = z.enum(['report', 'rename']);
export type OnKeyChange = z.infer<typeof onKeyChangeSchema>;

/** How a task treats its natural key (the Account Number of the accounts template). */
export const naturalKeyPolicySchema = z.object({
  /** The source field that holds the key (a dotted path). */
  sourceField: text,
  /**
   * For records whose key is made of several fields (a line: its order's number and its line
   * number): builds the key from the record; null when a part is missing.
   */
  compose: z
    .custom<(record: Readonly<Record<string, unknown>>) => string | null>(isFunction, 'expected a function')
    .optional(),
  /** What users call it, for messages: `account number`. */
  label: text,
  /**
   * Records without a key get one from this sequence, written back to the source before the
   * record is written anywhere. Without a sequence such records fail.
   */
  sequence: numberSequenceSchema.optional(),
  /** Records that share a key are not synced: each holder fails, naming the others. */
  rejectDuplicates: z.boolean(),
  /**
   * What a record synced before under another key does (an account whose number was changed
   * in the source; records are told apart by their source id, which never changes). `report`
   * (the default): it is written under its new key and listed as a key change, and the run ends
   * in Warning; the destination's record under the old key is left as it was, for the operator
   * to merge or rename there. `rename`: the destination renames its record to the new key first;
   * refused before the run starts for a destination that cannot (F&O cannot through OData).
   * The configuration may override it per task.
   */
  onKeyChange: onKeyChangeSchema.optional(),
});
export type NaturalKeyPolicy = z.infer<typeof naturalKeyPolicySchema>;

/**
 * The canonical (CDS) entity between the two legs, as a zod object: its shape is what the
 * load-time checks read the canonical fields and their types from.
 */
export const canonicalEntitySchema = z.object({
  name: text,
  // A plugin written in JavaScript may give any schema with `safeParse`; without a `shape`, the
  // canonical fields are not checked at load.
  schema: z.custom<z.ZodObject>(
    (value) => typeof value === 'object' && value !== null && 'safeParse' in value && isFunction(value.safeParse),
    'expected a zod schema (z.strictObject)',
  ),
});
export type CanonicalEntity = z.infer<typeof canonicalEntitySchema>;

const sideSchema = z.object({ connector: text, ref: entityRefSchema });

/** One task of a template: one entity, one direction, matched on its natural key. */
export const taskDefinitionSchema = z.object({
  /** As Data Integrator names it: `Accounts - Account - Customers`. */
  id: text,
  source: sideSchema,
  destination: sideSchema,
  canonical: canonicalEntitySchema,
  sourceToCanonical: mappingSchema,
  canonicalToDestination: mappingSchema,
  /** Named transforms the mappings use, beyond those the runner provides (`LegalEntity`). */
  transforms: z.record(z.string(), z.custom<NamedTransform>(isFunction, 'expected a function')).readonly().optional(),
  naturalKey: naturalKeyPolicySchema,
  /** Rules a record must meet to be synced, by name; the configuration may change or add them. */
  filters: z.record(z.string(), taskFilterSchema).readonly().optional(),
  /** Parents in earlier tasks, found by natural key. */
  parents: z.array(parentReferenceSchema).readonly().optional(),
  /** Tables read once per run for the transforms to look things up in, by name. */
  references: z.record(z.string(), referenceTableSchema).readonly().optional(),
});
export type TaskDefinition = z.infer<typeof taskDefinitionSchema>;

export const entityTemplateSchema = z.object({
  /** Short id for the command line: `accounts`. */
  id: text,
  /** As Data Integrator names it: `Accounts (Sales to Fin and Ops)`. */
  name: text,
  description: z.string(),
  /**
   * What must have run first: template ids (required), `{ template, ifUsed: true }` (required
   * only when the project uses it) and `{ anyOf: [...] }` (one of them). See `Precondition`.
   */
  preconditions: z.array(preconditionSchema),
  tasks: z.array(taskDefinitionSchema).min(1),
});
export type EntityTemplate = z.infer<typeof entityTemplateSchema>;
