import type {
  ComputedFieldDefinition,
  EntityFieldDefinition,
  EntityLookup,
  FinOpsEntityRow,
} from './EntityDefinition.js';

/** X++'s empty date-time (utcDateTime's null value), as OData returns it. */
export const EMPTY_DATETIME = '1900-01-01T00:00:00Z';

type FieldOptions = Omit<EntityFieldDefinition, 'kind' | 'label'>;

export const text = (label: string, options: FieldOptions = {}): EntityFieldDefinition => ({
  kind: 'string',
  label,
  ...options,
});
export const decimal = (label: string, options: FieldOptions = {}): EntityFieldDefinition => ({
  kind: 'decimal',
  label,
  ...options,
});
export const noYes = (label: string, options: FieldOptions = {}): EntityFieldDefinition => ({
  kind: 'noyes',
  label,
  ...options,
});
export const dateTime = (label: string, options: FieldOptions = {}): EntityFieldDefinition => ({
  kind: 'datetime',
  label,
  ...options,
});

/** Read-only line amount: quantity × unit price, rounded to cents as F&O's amounts are. */
export function lineAmount(quantityField: string, priceField: string): ComputedFieldDefinition {
  return {
    kind: 'decimal',
    label: 'Net amount',
    compute: (row) => Math.round(Number(row[quantityField] ?? 0) * Number(row[priceField] ?? 0) * 100) / 100,
  };
}

/** `Yes` when that company's customer is externally maintained; `No` when the customer is missing. */
export function customerIsExternallyMaintained(accountField: string, label: string): ComputedFieldDefinition {
  return {
    kind: 'noyes',
    label,
    compute: (row, lookup) => {
      const account = String(row[accountField] ?? '');
      if (account === '') return 'No';
      return lookup.customer(String(row['dataAreaId']), account)?.IsExternallyMaintained ?? 'No';
    },
  };
}

/** Infolog lines for customer accounts that are set but do not exist in the row's company. */
export function missingCustomers(row: FinOpsEntityRow, lookup: EntityLookup, fields: readonly string[]): string[] {
  const entries: string[] = [];
  for (const field of fields) {
    const account = String(row[field] ?? '');
    if (account !== '' && !lookup.customer(String(row['dataAreaId']), account)) {
      entries.push(`Customer account ${account} does not exist.`);
    }
  }
  return entries;
}

/** An Infolog line when the header row the line points at does not exist in the row's company. */
export function missingHeader(
  row: FinOpsEntityRow,
  lookup: EntityLookup,
  headerSet: string,
  field: string,
  noun: string,
): string[] {
  const value = String(row[field] ?? '');
  if (value === '' || lookup.row(headerSet, String(row['dataAreaId']), [value])) return [];
  return [`${noun} ${value} does not exist.`];
}

/** An Infolog line when the product is not released to the row's company. */
export function missingProduct(row: FinOpsEntityRow, lookup: EntityLookup, field = 'ProductNumber'): string[] {
  const value = String(row[field] ?? '');
  if (value === '' || lookup.row('ReleasedDistinctProductsV2', String(row['dataAreaId']), [value])) return [];
  return [`Product ${value} does not exist.`];
}
