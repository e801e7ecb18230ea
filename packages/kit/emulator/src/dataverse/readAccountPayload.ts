import { ACCOUNT_COLUMNS, isAccountColumn } from './accountColumns.js';
import type { DataverseAccount } from './DataverseAccount.js';
import { dataverseFaults } from './DataverseFault.js';
import type { DataverseStore } from './DataverseStore.js';

/**
 * Where the values come from. `webapi` is a client writing through the Web API: read-only
 * columns are ignored and the currency is set with `transactioncurrencyid@odata.bind`.
 * `direct` is a seed, a test or the admin API writing a row the way the Web API returns it.
 */
export type PayloadSource = 'webapi' | 'direct';

export type AccountChanges = Partial<DataverseAccount>;

const READ_ONLY = new Set(['createdon', 'modifiedon', 'versionnumber']);
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function typeError(expected: string): never {
  throw dataverseFaults.payload(
    `Microsoft.OData.ODataException: Cannot convert a primitive value to the expected type '${expected}'. See the inner exception for more details.`,
  );
}

function currencyFromBind(value: unknown, store: DataverseStore): string {
  if (typeof value !== 'string') typeError('Edm.String');
  const match = /transactioncurrencies\(\{?([0-9a-fA-F-]{36})\}?\)\s*$/.exec(value);
  if (!match?.[1] || !GUID.test(match[1])) {
    throw dataverseFaults.payload(
      `Microsoft.OData.ODataException: The value '${value}' of 'transactioncurrencyid@odata.bind' is not a valid entity reference; expected '/transactioncurrencies(<guid>)'.`,
    );
  }
  const currency = store.currency(match[1]);
  if (!currency) throw dataverseFaults.recordNotFound('transactioncurrency', match[1].toLowerCase());
  return currency.transactioncurrencyid;
}

function checkValue(column: keyof DataverseAccount, value: unknown, source: PayloadSource): unknown {
  const definition = ACCOUNT_COLUMNS[column];
  if (value === null) {
    if (definition.kind === 'boolean') return false;
    if (definition.kind === 'state' || definition.kind === 'primarykey') typeError('Edm.Int32');
    return null;
  }
  switch (definition.kind) {
    case 'string': {
      if (typeof value !== 'string') typeError('Edm.String');
      if (definition.maxLength !== undefined && value.length > definition.maxLength) {
        throw dataverseFaults.maxLength(column, definition.maxLength);
      }
      return value;
    }
    case 'integer':
    case 'money': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        typeError(definition.kind === 'money' ? 'Edm.Decimal' : 'Edm.Int32');
      }
      if (definition.kind === 'integer' && !Number.isInteger(value)) typeError('Edm.Int32');
      if (
        (definition.min !== undefined && value < definition.min) ||
        (definition.max !== undefined && value > definition.max)
      ) {
        throw dataverseFaults.outOfRange(column, value);
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') typeError('Edm.Boolean');
      return value;
    case 'picklist':
    case 'state': {
      if (typeof value !== 'number' || !Number.isInteger(value)) typeError('Edm.Int32');
      const accepted = Object.keys(definition.options ?? {}).map(Number);
      // Seeds come from real organizations, whose option sets carry their own values (100000000…).
      if (source === 'webapi' && !accepted.includes(value)) throw dataverseFaults.outOfRange(column, value, accepted);
      return value;
    }
    case 'primarykey':
    case 'lookup':
      if (typeof value !== 'string' || !GUID.test(value)) typeError('Edm.Guid');
      return value.toLowerCase();
    case 'datetime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) typeError('Edm.DateTimeOffset');
      return value;
    case 'version':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) typeError('Edm.Int64');
      return value;
  }
}

/**
 * Reads a write body into column values, refusing what Dataverse refuses: unknown columns,
 * wrong types, strings over the column's maximum length, option values outside the set.
 * Instance annotations (`@odata.type`, `@odata.etag`, formatted values) are ignored.
 */
export function readAccountPayload(
  body: Record<string, unknown>,
  source: PayloadSource,
  store: DataverseStore,
): AccountChanges {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'transactioncurrencyid@odata.bind') {
      changes['_transactioncurrencyid_value'] = currencyFromBind(value, store);
      continue;
    }
    if (key.endsWith('@odata.bind')) {
      const navigation = key.slice(0, -'@odata.bind'.length);
      throw dataverseFaults.payload(
        `Microsoft.OData.ODataException: An undeclared property '${navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
      );
    }
    if (key.includes('@')) continue;
    if (!isAccountColumn(key)) {
      throw dataverseFaults.payload(
        `Microsoft.OData.ODataException: The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.account'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (source === 'webapi') {
      if (READ_ONLY.has(key)) continue;
      if (key === '_transactioncurrencyid_value') {
        throw dataverseFaults.payload(
          "System.ArgumentException: '_transactioncurrencyid_value' is a read-only lookup property; set the currency with 'transactioncurrencyid@odata.bind': '/transactioncurrencies(<guid>)'.",
        );
      }
    }
    const checked = checkValue(key, value, source);
    if (key === '_transactioncurrencyid_value' && typeof checked === 'string' && !store.currency(checked)) {
      // A seed copied from another organization names currencies this one does not have.
      if (source === 'direct') continue;
      throw dataverseFaults.recordNotFound('transactioncurrency', checked);
    }
    changes[key] = checked;
  }
  return changes;
}
