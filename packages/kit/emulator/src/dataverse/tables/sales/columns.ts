/** Column shapes and computed values several Sales tables share. */
import type { SalesRow, TableColumn, TableLookup } from '../TableDefinition.js';
export const text = (maxLength: number, required = false): TableColumn => ({ kind: 'string', maxLength, required });
export const money = (required = false): TableColumn => ({
  kind: 'money',
  min: -922_337_203_685_477,
  max: 922_337_203_685_477,
  required,
});
export const flag = (): TableColumn => ({ kind: 'boolean', default: false });
export const readOnlyMoney: TableColumn = { kind: 'money', readOnly: true };
export const ACTIVE_INACTIVE = { 0: 'Active', 1: 'Inactive' };

/** Dataverse money columns keep 2 decimals here (the currency precision of the default currencies). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function extendedAmount(row: SalesRow): SalesRow {
  const quantity = typeof row['quantity'] === 'number' ? row['quantity'] : 0;
  const price = typeof row['priceperunit'] === 'number' ? row['priceperunit'] : 0;
  const tax = typeof row['tax'] === 'number' ? row['tax'] : 0;
  // Dataverse: extended amount = price per unit x quantity - discount + tax.
  return { extendedamount: round2(quantity * price + tax) };
}

/** A line's sales tax (`tax`, money). */
export const taxColumn = (): TableColumn => ({ kind: 'money', min: -922_337_203_685_477, max: 922_337_203_685_477 });

export function detailColumns(): Record<string, TableColumn> {
  return {
    lineitemnumber: { kind: 'integer', min: 0, max: 2_147_483_647, required: true },
    quantity: { kind: 'decimal', min: -1_000_000_000, max: 1_000_000_000, required: true },
    priceperunit: money(),
    extendedamount: readOnlyMoney,
  };
}

export function detailLookups(parentNav: string, parentSet: string): Record<string, TableLookup> {
  return {
    [parentNav]: { targets: [parentSet], required: true, parental: true },
    productid: { targets: ['products'], required: true },
    uomid: { targets: ['uoms'], required: true },
  };
}
