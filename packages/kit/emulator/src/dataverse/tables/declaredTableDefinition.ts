import type { SeedTableDeclaration } from '../../seed/declarationSchema.js';
import type { TableColumn, TableDefinition, TableLookup } from './TableDefinition.js';

function numberKeyed(labels: Readonly<Record<string, string>>): Record<number, string> {
  return Object.fromEntries(Object.entries(labels).map(([value, label]) => [Number(value), label]));
}

/** The table a seed declared, as the generic engine serves it (no computed columns, no hooks). */
export function declaredTableDefinition(declaration: SeedTableDeclaration): TableDefinition {
  const columns: Record<string, TableColumn> = {};
  for (const [name, column] of Object.entries(declaration.columns)) {
    const { options, ...rest } = column;
    columns[name] = options ? { ...rest, options: numberKeyed(options) } : rest;
  }
  const lookups: Record<string, TableLookup> = {};
  for (const [name, lookup] of Object.entries(declaration.lookups ?? {}))
    lookups[name] = { ...lookup, targets: [...lookup.targets] };
  return {
    set: declaration.set,
    logical: declaration.logical,
    primaryKey: declaration.primaryKey ?? `${declaration.logical}id`,
    primaryName: declaration.primaryName,
    ...(declaration.alternateKey !== undefined ? { alternateKey: declaration.alternateKey } : {}),
    columns,
    lookups,
    states: declaration.states ? numberKeyed(declaration.states) : { 0: 'Active', 1: 'Inactive' },
    ...(declaration.changeTracking !== undefined ? { changeTracking: declaration.changeTracking } : {}),
  };
}
