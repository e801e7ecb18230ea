import { valueText } from '../../odata/valueText.js';
import type { TableColumn, TableDefinition } from './TableDefinition.js';
import { tableFaults } from './tableFaults.js';

/**
 * Where the values come from. `webapi` is a client writing through the Web API: read-only
 * columns are ignored and lookups are set with `<nav>@odata.bind`. `direct` is a seed, a test
 * or the admin API writing a row the way the Web API returns it.
 */
export type PayloadSource = 'webapi' | 'direct';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SYSTEM_COLUMNS = new Set(['createdon', 'modifiedon', 'versionnumber']);
const LOGICAL_NAME_ANNOTATION = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** A lookup as a write names it: the entity set and the key text inside the parentheses. */
interface LookupReference {
  readonly set: string;
  readonly key: string;
  readonly text: string;
}

/** Lookup values a write sets: by reference (a bind), by GUID (a direct write), or cleared. */
export type LookupWrite =
  | { readonly kind: 'reference'; readonly reference: LookupReference; readonly allowed: readonly string[] }
  | { readonly kind: 'id'; readonly id: string; readonly allowed: readonly string[]; readonly hint?: string }
  | { readonly kind: 'clear' };

export interface TablePayload {
  readonly values: Record<string, unknown>;
  readonly lookups: ReadonlyMap<string, LookupWrite>;
}

/** Looks up a table's logical name by entity set (accounts → account). */
export type LogicalNameOf = (set: string) => string;

function parseReference(text: string): { set: string; key: string } | undefined {
  const match = /([A-Za-z_][A-Za-z0-9_]*)\((.+)\)\s*$/.exec(text);
  return match?.[1] && match[2] ? { set: match[1], key: match[2] } : undefined;
}

/** Which lookup a bind name sets and which sets it may point at (`customerid_contact` → contacts only). */
function bindTarget(
  definition: TableDefinition,
  bindName: string,
  logicalOf: LogicalNameOf,
): [string, readonly string[]] | undefined {
  for (const [navigation, lookup] of Object.entries(definition.lookups)) {
    if (lookup.targets.length === 1 && bindName === navigation) return [navigation, lookup.targets];
    if (lookup.targets.length > 1) {
      if (bindName === navigation) return [navigation, lookup.targets];
      const target = lookup.targets.find((set) => bindName === `${navigation}_${logicalOf(set)}`);
      if (target) return [navigation, [target]];
    }
  }
  return undefined;
}

function checkColumn(
  definition: TableDefinition,
  name: string,
  column: TableColumn,
  value: unknown,
  source: PayloadSource,
): unknown {
  const mismatch = (expected: string): never => {
    throw tableFaults.typeMismatch(definition.set, name, expected);
  };
  if (value === null) return column.kind === 'boolean' ? false : null;
  switch (column.kind) {
    case 'string':
      if (typeof value !== 'string') return mismatch('Edm.String');
      if (column.maxLength !== undefined && value.length > column.maxLength) {
        throw tableFaults.maxLength(definition.logical, name, column.maxLength);
      }
      return value;
    case 'integer':
    case 'decimal':
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return mismatch(column.kind === 'integer' ? 'Edm.Int32' : 'Edm.Decimal');
      if (column.kind === 'integer' && !Number.isInteger(value)) return mismatch('Edm.Int32');
      if ((column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max)) {
        throw tableFaults.outOfRange(definition.logical, name, value);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return mismatch('Edm.Boolean');
      return value;
    case 'picklist':
    case 'state': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return mismatch('Edm.Int32');
      const accepted = column.options ? Object.keys(column.options).map(Number) : undefined;
      // Seeds come from real organizations, whose option sets carry their own values.
      if (source === 'webapi' && accepted && !accepted.includes(value))
        throw tableFaults.outOfRange(definition.logical, name, value, accepted);
      return value;
    }
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
        return mismatch('Edm.Date');
      return value;
  }
}

/** The statecode / statuscode columns of a table, as option columns. */
export function stateColumns(definition: TableDefinition): Partial<Record<'statecode' | 'statuscode', TableColumn>> {
  const statecode: TableColumn = { kind: 'state', options: definition.states };
  if (definition.statusCode === false) return { statecode };
  return {
    statecode,
    statuscode: definition.statuses ? { kind: 'picklist', options: definition.statuses } : { kind: 'picklist' },
  };
}

/**
 * Reads a write body into column values and lookup writes, refusing what Dataverse refuses:
 * unknown columns, wrong types, text over the maximum length, options outside the set, binds
 * that are not entity references. Read-only columns are ignored; `webapi` writes set lookups
 * only by `@odata.bind`, `direct` writes (seeds, tests) also by `_<nav>_value` GUID.
 */
export function readTablePayload(
  definition: TableDefinition,
  body: Record<string, unknown>,
  source: PayloadSource,
  logicalOf: LogicalNameOf,
): TablePayload {
  const values: Record<string, unknown> = {};
  const lookups = new Map<string, LookupWrite>();
  const states = stateColumns(definition);
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith('@odata.bind')) {
      const bindName = key.slice(0, -'@odata.bind'.length);
      const target = bindTarget(definition, bindName, logicalOf);
      if (!target) {
        throw tableFaults.payload(
          definition.set,
          `Microsoft.OData.ODataException: An undeclared property '${bindName}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
        );
      }
      const [navigation, allowed] = target;
      if (value === null) {
        lookups.set(navigation, { kind: 'clear' });
        continue;
      }
      const expected = allowed.map((set) => `'/${set}(<guid>)'`).join(' or ');
      if (typeof value !== 'string') throw tableFaults.badBind(definition.set, bindName, valueText(value), expected);
      const reference = parseReference(value);
      if (!reference || !allowed.includes(reference.set))
        throw tableFaults.badBind(definition.set, bindName, value, expected);
      lookups.set(navigation, { kind: 'reference', reference: { ...reference, text: value }, allowed });
      continue;
    }
    if (key.includes('@')) continue;
    const navigation = /^_(.+)_value$/.exec(key)?.[1];
    if (navigation !== undefined && Object.hasOwn(definition.lookups, navigation)) {
      if (source === 'webapi') {
        throw tableFaults.payload(
          definition.set,
          `System.ArgumentException: '${key}' is a read-only lookup property; set it with '${navigation}@odata.bind'.`,
        );
      }
      if (value === null) {
        lookups.set(navigation, { kind: 'clear' });
        continue;
      }
      if (typeof value !== 'string' || !GUID.test(value))
        throw tableFaults.typeMismatch(definition.set, key, 'Edm.Guid');
      const hint = body[`${key}${LOGICAL_NAME_ANNOTATION}`];
      const allowed = definition.lookups[navigation]?.targets ?? [];
      lookups.set(navigation, {
        kind: 'id',
        id: value.toLowerCase(),
        allowed,
        ...(typeof hint === 'string' ? { hint } : {}),
      });
      continue;
    }
    if (key === definition.primaryKey) {
      if (typeof value !== 'string' || !GUID.test(value))
        throw tableFaults.typeMismatch(definition.set, key, 'Edm.Guid');
      values[key] = value.toLowerCase();
      continue;
    }
    if (SYSTEM_COLUMNS.has(key)) {
      if (source === 'webapi') continue;
      if (key === 'versionnumber') {
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
          throw tableFaults.typeMismatch(definition.set, key, 'Edm.Int64');
      } else if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw tableFaults.typeMismatch(definition.set, key, 'Edm.DateTimeOffset');
      }
      values[key] = value;
      continue;
    }
    const column = key === 'statecode' || key === 'statuscode' ? states[key] : definition.columns[key];
    if (column === undefined || !(Object.hasOwn(definition.columns, key) || key in states)) {
      throw tableFaults.payload(
        definition.set,
        `Microsoft.OData.ODataException: The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${definition.logical}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (column.readOnly) continue;
    values[key] = checkColumn(definition, key, column, value, source);
  }
  return { values, lookups };
}
