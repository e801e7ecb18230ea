import type { EdmPrimitive, EntityModel, PropertyModel } from '../../odata/EntityModel.js';
import type { DataverseEntitySet } from '../DataverseEntitySet.js';
import {
  ASSOCIATED_NAVIGATION_PROPERTY,
  etagOf,
  FORMATTED_VALUE,
  LOOKUP_LOGICAL_NAME,
  type RowShape,
} from '../rowShape.js';
import { formatCurrency, TRANSACTION_CURRENCY_MODEL } from '../TransactionCurrency.js';
import { stateColumns } from './readTablePayload.js';
import type { SalesTables } from './SalesTables.js';
import {
  lookupColumn,
  type SalesRow,
  type TableColumn,
  type TableColumnKind,
  type TableDefinition,
} from './TableDefinition.js';
import type { StoredRow } from './TableStore.js';

const EDM_TYPE: Record<TableColumnKind, EdmPrimitive> = {
  string: 'Edm.String',
  integer: 'Edm.Int32',
  decimal: 'Edm.Decimal',
  money: 'Edm.Decimal',
  boolean: 'Edm.Boolean',
  picklist: 'Edm.Int32',
  state: 'Edm.Int32',
  date: 'Edm.Date',
};

/** Every column of a table in the order responses list them, with its EDM type. */
function tableColumnTypes(definition: TableDefinition): [string, EdmPrimitive][] {
  return [
    [definition.primaryKey, 'Edm.Guid'],
    ...Object.entries(definition.columns).map(([name, column]): [string, EdmPrimitive] => [
      name,
      EDM_TYPE[column.kind],
    ]),
    ...Object.keys(definition.lookups).map((navigation): [string, EdmPrimitive] => [
      lookupColumn(navigation),
      'Edm.Guid',
    ]),
    ['statecode', 'Edm.Int32'],
    ...(definition.statusCode === false ? [] : [['statuscode', 'Edm.Int32'] as [string, EdmPrimitive]]),
    ['createdon', 'Edm.DateTimeOffset'],
    ['modifiedon', 'Edm.DateTimeOffset'],
    ['versionnumber', 'Edm.Int64'],
  ];
}

/** Lookups to a currency: `$expand` and `$filter` may go through them (other lookups are not navigable here). */
function currencyLookups(definition: TableDefinition): string[] {
  return Object.entries(definition.lookups)
    .filter(([, lookup]) => lookup.targets.length === 1 && lookup.targets[0] === 'transactioncurrencies')
    .map(([navigation]) => navigation);
}

export function tableModel(definition: TableDefinition): EntityModel {
  const navigation = currencyLookups(definition);
  return {
    typeName: `Microsoft.Dynamics.CRM.${definition.logical}`,
    properties: Object.fromEntries(
      tableColumnTypes(definition).map(([name, type]): [string, PropertyModel] => [name, { type }]),
    ),
    ...(navigation.length > 0
      ? { navigation: Object.fromEntries(navigation.map((name) => [name, TRANSACTION_CURRENCY_MODEL])) }
      : {}),
  };
}

function formatted(column: TableColumn, value: unknown): string | undefined {
  switch (column.kind) {
    case 'picklist':
    case 'state':
      return column.options?.[value as number] ?? String(value);
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'integer':
    case 'decimal':
      return (value as number).toLocaleString('en-US');
    case 'money':
      return (value as number).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    default:
      return undefined;
  }
}

interface RowLayout {
  readonly states: ReturnType<typeof stateColumns>;
  /** Navigation property by lookup column (`_parentcustomerid_value` → `parentcustomerid`). */
  readonly lookupNames: ReadonlyMap<string, string>;
  readonly columns: readonly string[];
}

const layouts = new WeakMap<TableDefinition, RowLayout>();

/** What formatting needs of a definition, worked out once (a page formats thousands of rows). */
function layout(definition: TableDefinition): RowLayout {
  let found = layouts.get(definition);
  if (!found) {
    found = {
      states: stateColumns(definition),
      lookupNames: new Map(Object.keys(definition.lookups).map((navigation) => [lookupColumn(navigation), navigation])),
      columns: tableColumnTypes(definition).map(([name]) => name),
    };
    layouts.set(definition, found);
  }
  return found;
}

/**
 * A row as the Web API writes it: `@odata.etag`, the selected columns (the primary key
 * always), and the annotations asked for (lookup target names and logical names, option labels).
 */
export function formatTableRow(
  tables: SalesTables,
  definition: TableDefinition,
  row: StoredRow,
  shape: RowShape,
): SalesRow {
  const out: SalesRow = { '@odata.etag': etagOf(row.values['versionnumber'] as number) };
  const { states, lookupNames, columns } = layout(definition);
  for (const name of columns) {
    if (shape.select && name !== definition.primaryKey && !shape.select.includes(name)) continue;
    const value = row.values[name] ?? null;
    const navigation = lookupNames.get(name);
    if (navigation !== undefined && value !== null) {
      const target = row.targets[navigation];
      const polymorphic = (definition.lookups[navigation]?.targets.length ?? 0) > 1;
      if (target !== undefined) {
        const label = tables.displayName(target, value as string);
        if (label !== undefined && shape.annotations(FORMATTED_VALUE)) out[`${name}@${FORMATTED_VALUE}`] = label;
        if (shape.annotations(ASSOCIATED_NAVIGATION_PROPERTY)) {
          out[`${name}@${ASSOCIATED_NAVIGATION_PROPERTY}`] = polymorphic
            ? `${navigation}_${tables.logicalOf(target)}`
            : navigation;
        }
        if (shape.annotations(LOOKUP_LOGICAL_NAME)) out[`${name}@${LOOKUP_LOGICAL_NAME}`] = tables.logicalOf(target);
      }
    } else if (value !== null && shape.annotations(FORMATTED_VALUE)) {
      const column = name === 'statecode' || name === 'statuscode' ? states[name] : definition.columns[name];
      const label =
        definition.formattedValue?.(name, value, row.values, tables) ?? (column ? formatted(column, value) : undefined);
      if (label !== undefined) out[`${name}@${FORMATTED_VALUE}`] = label;
    }
    out[name] = value;
  }
  for (const item of shape.expand) {
    const id = row.values[lookupColumn(item.navigation)];
    const currency = typeof id === 'string' ? tables.currencyRow(id) : undefined;
    out[item.navigation] = currency ? formatCurrency(currency, item.select) : null;
  }
  return out;
}

/**
 * The query layer's view of one table. Its rows are the plain values (a paging cookie holds
 * such values too); formatting finds the stored row for the lookups' targets.
 */
export function tableEntitySet(tables: SalesTables, definition: TableDefinition): DataverseEntitySet<SalesRow> {
  return {
    name: definition.set,
    model: tableModel(definition),
    primaryKey: definition.primaryKey,
    reader: {
      value: (row, property) => row[property] ?? null,
      navigate: (row, navigation) => {
        const id = row[lookupColumn(navigation)];
        const currency = typeof id === 'string' ? tables.currencyRow(id) : undefined;
        return currency ? { ...currency } : null;
      },
    },
    rows: () => tables.rows(definition.set) as SalesRow[],
    keyOrder: () => tables.table(definition.set).idsInKeyOrder(),
    byKey: (id) => tables.table(definition.set).get(id)?.values,
    version: () => tables.table(definition.set).revision,
    format: (row, shape) => {
      const stored = tables.table(definition.set).get(String(row[definition.primaryKey]));
      return formatTableRow(tables, definition, stored ?? { values: row, targets: {} }, shape);
    },
  };
}
