import { z } from 'zod';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const name = (what: string) =>
  z.string().regex(NAME, `expected a ${what} (letters, digits and _, not starting with a digit)`);

/** A column of a declared Dataverse table; `state` is left out (every table has its statecode). */
export interface SeedTableColumn {
  readonly kind: 'string' | 'integer' | 'decimal' | 'money' | 'boolean' | 'picklist' | 'date';
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  readonly default?: string | number | boolean;
  /** Picklist options by value (`{ "100000000": "Fixed price" }`); absent: any whole number. */
  readonly options?: Readonly<Record<string, string>>;
}

export interface SeedTableLookup {
  /** Entity sets it may point at: accounts, transactioncurrencies, a built-in or a declared table. */
  readonly targets: readonly string[];
  readonly required?: boolean;
}

/** A Dataverse table a seed declares, served like the built-in generic tables. */
export interface SeedTableDeclaration {
  readonly set: string;
  readonly logical: string;
  /** Default `<logical>id`. */
  readonly primaryKey?: string;
  /** A string column. */
  readonly primaryName: string;
  /** A string column, unique (case-insensitive), usable as `set(column='value')`. */
  readonly alternateKey?: string;
  readonly columns: Readonly<Record<string, SeedTableColumn>>;
  readonly lookups?: Readonly<Record<string, SeedTableLookup>>;
  /** statecode labels; default `{ "0": "Active", "1": "Inactive" }`. */
  readonly states?: Readonly<Record<string, string>>;
  /** Change tracking on (default off, as for a new custom table in Dataverse). */
  readonly changeTracking?: boolean;
}

export interface SeedEntityField {
  readonly kind: 'string' | 'decimal' | 'integer' | 'noyes' | 'datetime';
  /** The label Infolog messages use. */
  readonly label: string;
  readonly required?: boolean;
  /** Members a string enum field accepts. */
  readonly values?: readonly string[];
  readonly defaultValue?: string | number;
  /** `CustomersV3` or an entity set with one key field: the value must name a row of the same company. */
  readonly references?: string;
}

/** An F&O data entity a seed declares, served like the built-in declared entities. */
export interface SeedEntityDeclaration {
  readonly entitySet: string;
  /** Default: the entity set in the singular (`ProjectsV2` → `ProjectV2`). */
  readonly typeName?: string;
  /** Key fields after dataAreaId. */
  readonly keyFields: readonly string[];
  readonly fields: Readonly<Record<string, SeedEntityField>>;
}

const optionKey = z.string().regex(/^-?\d+$/, 'expected a whole number as option value');

const tableColumn = z.strictObject({
  kind: z.enum(['string', 'integer', 'decimal', 'money', 'boolean', 'picklist', 'date']),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  options: z.record(optionKey, z.string()).optional(),
});

export const tableDeclarationSchema = z.strictObject({
  set: name('entity set name'),
  logical: name('logical name'),
  primaryKey: name('column name').optional(),
  primaryName: z.string().min(1),
  alternateKey: z.string().min(1).optional(),
  columns: z.record(name('column name'), tableColumn),
  lookups: z
    .record(
      name('lookup name'),
      z.strictObject({ targets: z.array(z.string().min(1)).min(1), required: z.boolean().optional() }),
    )
    .optional(),
  states: z.record(optionKey, z.string()).optional(),
  changeTracking: z.boolean().optional(),
}) satisfies z.ZodType<SeedTableDeclaration>;

const entityField = z.strictObject({
  kind: z.enum(['string', 'decimal', 'integer', 'noyes', 'datetime']),
  label: z.string().min(1),
  required: z.boolean().optional(),
  values: z.array(z.string().min(1)).min(1).optional(),
  defaultValue: z.union([z.string(), z.number()]).optional(),
  references: z.string().min(1).optional(),
});

export const entityDeclarationSchema = z.strictObject({
  entitySet: name('entity set name'),
  typeName: name('type name').optional(),
  keyFields: z.array(z.string().min(1)).min(1),
  fields: z.record(name('field name'), entityField),
}) satisfies z.ZodType<SeedEntityDeclaration>;

/** `ProjectsV2` → `ProjectV2`, `Projects` → `Project`; otherwise the entity set itself. */
export function defaultTypeName(entitySet: string): string {
  const match = /^(.+)s(V\d+)?$/.exec(entitySet);
  return match?.[1] ? `${match[1]}${match[2] ?? ''}` : entitySet;
}
