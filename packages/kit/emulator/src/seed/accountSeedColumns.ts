import type { AccountColumn } from '../dataverse/DataverseAccount.js';
import { ACCOUNT_TABLE } from '../dataverse/tables/accountTable.js';
import { lookupColumn, type TableDefinition } from '../dataverse/tables/TableDefinition.js';

type SeedColumnKind =
  'primarykey' | 'string' | 'integer' | 'money' | 'boolean' | 'picklist' | 'state' | 'lookup' | 'datetime' | 'version';

/** A column as a seed row holds it: the table's columns plus the key, lookups and system columns. */
export interface SeedColumn {
  readonly kind: SeedColumnKind;
  readonly maxLength?: number | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** Option set labels (picklist and state columns). */
  readonly options?: Readonly<Record<number, string>> | undefined;
}

/** Every column of a Web API row of the table, in the order responses list them. */
function seedColumns(definition: TableDefinition): Record<string, SeedColumn> {
  const columns: Record<string, SeedColumn> = { [definition.primaryKey]: { kind: 'primarykey' } };
  for (const [name, column] of Object.entries(definition.columns)) {
    const kind = column.kind === 'decimal' ? 'money' : column.kind === 'date' ? 'datetime' : column.kind;
    columns[name] = { kind, maxLength: column.maxLength, min: column.min, max: column.max, options: column.options };
  }
  for (const navigation of Object.keys(definition.lookups)) columns[lookupColumn(navigation)] = { kind: 'lookup' };
  columns['statecode'] = { kind: 'state', options: definition.states };
  if (definition.statusCode !== false) columns['statuscode'] = { kind: 'picklist', options: definition.statuses };
  columns['createdon'] = { kind: 'datetime' };
  columns['modifiedon'] = { kind: 'datetime' };
  columns['versionnumber'] = { kind: 'version' };
  return columns;
}

/** The `account` columns a seed row may carry (the schema and the fast path check them). */
export const ACCOUNT_COLUMNS = seedColumns(ACCOUNT_TABLE) as Readonly<Record<AccountColumn, SeedColumn>>;

export function isAccountColumn(name: string): name is AccountColumn {
  return Object.hasOwn(ACCOUNT_COLUMNS, name);
}
