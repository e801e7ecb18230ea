import type { ExpandItem } from '../odata/parseExpand.js';
import { ACCOUNT_COLUMN_NAMES, ACCOUNT_COLUMNS } from './accountColumns.js';
import type { DataverseAccount } from './DataverseAccount.js';
import type { DataverseStore } from './DataverseStore.js';
import type { TransactionCurrency } from './TransactionCurrency.js';

export const FORMATTED_VALUE = 'OData.Community.Display.V1.FormattedValue';
export const LOOKUP_LOGICAL_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';
export const ASSOCIATED_NAVIGATION_PROPERTY = 'Microsoft.Dynamics.CRM.associatednavigationproperty';

export interface RowShape {
  readonly select?: readonly string[] | undefined;
  readonly expand: readonly ExpandItem[];
  readonly annotations: (annotation: string) => boolean;
}

export function etagOf(version: number): string {
  return `W/"${version}"`;
}

const MONTH_DAY_YEAR = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** The label Sales shows for a value, as the FormattedValue annotation carries it. */
function formattedValue(
  column: keyof DataverseAccount,
  value: unknown,
  currency: TransactionCurrency | undefined,
): string | undefined {
  const definition = ACCOUNT_COLUMNS[column];
  switch (definition.kind) {
    case 'picklist':
    case 'state':
      // An organization's own option values have no label here: show the value itself.
      return definition.options?.[value as number] ?? String(value);
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'integer':
      return (value as number).toLocaleString('en-US');
    case 'money':
      return `${currency?.currencysymbol ?? ''}${(value as number).toLocaleString('en-US', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      })}`;
    case 'datetime':
      return MONTH_DAY_YEAR.format(new Date(value as string))
        .replace(',', '')
        .replace(/\u202f/g, ' ');
    case 'lookup':
      return currency?.currencyname;
    default:
      return undefined;
  }
}

export function formatCurrency(
  currency: TransactionCurrency,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const names = select ?? ['transactioncurrencyid', 'isocurrencycode', 'currencyname', 'currencysymbol', 'modifiedon'];
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = currency[name as keyof TransactionCurrency] ?? null;
  out['transactioncurrencyid'] = currency.transactioncurrencyid;
  return out;
}

/**
 * Writes an account the way the Web API does: `@odata.etag`, the selected columns (the
 * primary key always), annotations the client asked for, and expanded lookups.
 */
export function formatAccount(row: DataverseAccount, store: DataverseStore, shape: RowShape): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': etagOf(row.versionnumber) };
  const columns = shape.select
    ? ACCOUNT_COLUMN_NAMES.filter((name) => name === 'accountid' || shape.select?.includes(name))
    : ACCOUNT_COLUMN_NAMES;
  const currency = row._transactioncurrencyid_value ? store.currency(row._transactioncurrencyid_value) : undefined;
  for (const column of columns) {
    const value = row[column];
    if (value !== null && shape.annotations(FORMATTED_VALUE)) {
      const label = formattedValue(column, value, currency);
      if (label !== undefined) out[`${column}@${FORMATTED_VALUE}`] = label;
    }
    if (column === '_transactioncurrencyid_value' && value !== null) {
      if (shape.annotations(ASSOCIATED_NAVIGATION_PROPERTY)) {
        out[`${column}@${ASSOCIATED_NAVIGATION_PROPERTY}`] = 'transactioncurrencyid';
      }
      if (shape.annotations(LOOKUP_LOGICAL_NAME)) out[`${column}@${LOOKUP_LOGICAL_NAME}`] = 'transactioncurrency';
    }
    out[column] = value;
  }
  for (const item of shape.expand) {
    out[item.navigation] = currency ? formatCurrency(currency, item.select) : null;
  }
  return out;
}
