import type { z } from 'zod';
import { SALES_TABLES } from '../dataverse/tables/salesTableDefinitions.js';
import { FINOPS_ENTITIES } from '../finops/entities/entityCatalog.js';
import { defaultTypeName, type SeedEntityDeclaration, type SeedTableDeclaration } from './declarationSchema.js';

/** Tables and entities declared by seeds already loaded (when a seed is added to running data). */
export interface DeclaredNames {
  readonly declaredTables?: readonly { readonly set: string; readonly logical: string }[];
  readonly declaredEntities?: readonly {
    readonly entitySet: string;
    readonly typeName: string;
    readonly keyFields: readonly string[];
  }[];
}

interface DeclarationSeed {
  readonly sales?:
    | { readonly tables?: readonly SeedTableDeclaration[]; readonly rows?: Readonly<Record<string, unknown>> }
    | undefined;
  readonly finops?:
    | { readonly entities?: readonly SeedEntityDeclaration[]; readonly rows?: Readonly<Record<string, unknown>> }
    | undefined;
}

type Path = (string | number)[];

const BUILT_IN_SETS = new Set(['accounts', 'transactioncurrencies', ...SALES_TABLES.map((table) => table.set)]);
const BUILT_IN_LOGICALS = new Set(['account', 'transactioncurrency', ...SALES_TABLES.map((table) => table.logical)]);
const BUILT_IN_ENTITY_SETS = new Set([
  'CustomersV3',
  'CustomerGroups',
  ...FINOPS_ENTITIES.map((entity) => entity.entitySet),
]);
const BUILT_IN_TYPES = new Set(['CustomerV3', 'CustomerGroup', ...FINOPS_ENTITIES.map((entity) => entity.typeName)]);
const SYSTEM_COLUMNS = new Set(['statecode', 'statuscode', 'createdon', 'modifiedon', 'versionnumber']);

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Checks the tables and entities a seed declares against the built-in ones, earlier
 * declarations and themselves, and that `rows` only names tables and entities that exist.
 */
export function checkDeclarations(seed: DeclarationSeed, context: z.RefinementCtx, existing: DeclaredNames = {}): void {
  const issue = (path: Path, message: string): void => context.addIssue({ code: 'custom', path, message });
  checkTables(seed, issue, existing);
  checkEntities(seed, issue, existing);
}

function checkTables(
  seed: DeclarationSeed,
  issue: (path: Path, message: string) => void,
  existing: DeclaredNames,
): void {
  const declared = seed.sales?.tables ?? [];
  const sets = new Set([...BUILT_IN_SETS]);
  const earlierSets = new Set((existing.declaredTables ?? []).map((table) => table.set));
  const logicals = new Set([...BUILT_IN_LOGICALS, ...(existing.declaredTables ?? []).map((table) => table.logical)]);
  for (const set of earlierSets) sets.add(set);
  const allSets = new Set([...sets, ...declared.map((table) => table.set)]);
  declared.forEach((table, index) => {
    const at = (...rest: Path): Path => ['sales', 'tables', index, ...rest];
    if (BUILT_IN_SETS.has(table.set))
      issue(at('set'), `'${table.set}' is a built-in table of the emulator; choose another name`);
    else if (sets.has(table.set)) issue(at('set'), `the table '${table.set}' is already declared`);
    sets.add(table.set);
    if (BUILT_IN_LOGICALS.has(table.logical))
      issue(at('logical'), `'${table.logical}' is a built-in table of the emulator; choose another name`);
    else if (logicals.has(table.logical))
      issue(at('logical'), `the logical name '${table.logical}' is already declared`);
    logicals.add(table.logical);

    const primaryKey = table.primaryKey ?? `${table.logical}id`;
    const lookups = Object.keys(table.lookups ?? {});
    for (const [name, column] of Object.entries(table.columns)) {
      if (name === primaryKey || SYSTEM_COLUMNS.has(name))
        issue(at('columns', name), `'${name}' is a system column of every table`);
      if (lookups.includes(name) || lookups.some((lookup) => name === `_${lookup}_value`)) {
        issue(at('columns', name), `'${name}' is also a lookup`);
      }
      if (column.maxLength !== undefined && column.kind !== 'string')
        issue(at('columns', name, 'maxLength'), 'only string columns have a maxLength');
      if (column.options !== undefined && column.kind !== 'picklist')
        issue(at('columns', name, 'options'), 'only picklist columns have options');
      if (column.default !== undefined) {
        const expected =
          column.kind === 'boolean'
            ? 'boolean'
            : column.kind === 'string' || column.kind === 'date'
              ? 'string'
              : 'number';
        if (typeof column.default !== expected)
          issue(at('columns', name, 'default'), `expected a ${expected} default for a ${column.kind} column`);
      }
    }
    for (const [field, name] of [
      ['primaryName', table.primaryName],
      ['alternateKey', table.alternateKey],
    ] as const) {
      if (name !== undefined && table.columns[name]?.kind !== 'string')
        issue(at(field), `'${name}' must be a string column of the table`);
    }
    for (const [name, lookup] of Object.entries(table.lookups ?? {})) {
      if (name === primaryKey || SYSTEM_COLUMNS.has(name))
        issue(at('lookups', name), `'${name}' is a system column of every table`);
      lookup.targets.forEach((target, position) => {
        if (!allSets.has(target)) {
          issue(
            at('lookups', name, 'targets', position),
            `unknown table '${target}' (declare it in sales.tables, or use a built-in table)`,
          );
        }
      });
    }
  });
  for (const set of Object.keys(seed.sales?.rows ?? {})) {
    if (!allSets.has(set) || set === 'accounts' || set === 'transactioncurrencies') {
      const hint =
        set === 'accounts' || set === 'transactioncurrencies' ? `use sales.${set}` : 'declare it in sales.tables';
      issue(['sales', 'rows', set], `no table '${set}' to seed (${hint})`);
    }
  }
}

function checkEntities(
  seed: DeclarationSeed,
  issue: (path: Path, message: string) => void,
  existing: DeclaredNames,
): void {
  const declared = seed.finops?.entities ?? [];
  const keyCounts = new Map<string, number>([['CustomersV3', 1]]);
  for (const entity of [...FINOPS_ENTITIES, ...(existing.declaredEntities ?? [])])
    keyCounts.set(entity.entitySet, entity.keyFields.length);
  for (const entity of declared)
    if (!keyCounts.has(entity.entitySet)) keyCounts.set(entity.entitySet, entity.keyFields.length);
  const sets = new Set([
    ...BUILT_IN_ENTITY_SETS,
    ...(existing.declaredEntities ?? []).map((entity) => entity.entitySet),
  ]);
  const types = new Set([...BUILT_IN_TYPES, ...(existing.declaredEntities ?? []).map((entity) => entity.typeName)]);
  declared.forEach((entity, index) => {
    const at = (...rest: Path): Path => ['finops', 'entities', index, ...rest];
    if ([...BUILT_IN_ENTITY_SETS].some((name) => same(name, entity.entitySet))) {
      issue(at('entitySet'), `'${entity.entitySet}' is a built-in entity of the emulator; choose another name`);
    } else if (sets.has(entity.entitySet))
      issue(at('entitySet'), `the entity '${entity.entitySet}' is already declared`);
    sets.add(entity.entitySet);
    const typeName = entity.typeName ?? defaultTypeName(entity.entitySet);
    const typePath = entity.typeName === undefined ? at('entitySet') : at('typeName');
    if (BUILT_IN_TYPES.has(typeName))
      issue(typePath, `the type name '${typeName}' is a built-in entity type; set another typeName`);
    else if (types.has(typeName)) issue(typePath, `the type name '${typeName}' is already declared`);
    types.add(typeName);

    if ('dataAreaId' in entity.fields)
      issue(at('fields', 'dataAreaId'), 'dataAreaId is added to every entity; do not declare it');
    entity.keyFields.forEach((field, position) => {
      if (!Object.hasOwn(entity.fields, field))
        issue(at('keyFields', position), `'${field}' is not one of the entity's fields`);
      else if (entity.keyFields.indexOf(field) !== position) issue(at('keyFields', position), `'${field}' is repeated`);
    });
    for (const [name, field] of Object.entries(entity.fields)) {
      if (field.values !== undefined && field.kind !== 'string')
        issue(at('fields', name, 'values'), 'only string fields have enum values');
      if (field.defaultValue !== undefined) {
        const expected = field.kind === 'decimal' || field.kind === 'integer' ? 'number' : 'string';
        if (typeof field.defaultValue !== expected)
          issue(at('fields', name, 'defaultValue'), `expected a ${expected} default for a ${field.kind} field`);
      }
      if (field.references !== undefined) {
        const count = keyCounts.get(field.references);
        if (count === undefined) {
          issue(
            at('fields', name, 'references'),
            `unknown entity set '${field.references}' (CustomersV3, a built-in or a declared entity)`,
          );
        } else if (count !== 1) {
          issue(
            at('fields', name, 'references'),
            `'${field.references}' has ${count} key fields; a reference needs an entity with one`,
          );
        } else if (field.kind !== 'string')
          issue(at('fields', name, 'references'), 'only a string field can reference another entity');
      }
    }
  });
  for (const set of Object.keys(seed.finops?.rows ?? {})) {
    if (!keyCounts.has(set) || set === 'CustomersV3') {
      const hint = set === 'CustomersV3' ? 'use finops.customers' : 'declare it in finops.entities';
      issue(['finops', 'rows', set], `no entity set '${set}' to seed (${hint})`);
    }
  }
}
