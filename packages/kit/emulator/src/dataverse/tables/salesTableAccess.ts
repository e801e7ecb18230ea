import type { DataverseStore } from '../DataverseStore.js';
import { SALES_TABLE_NAMES, type SalesTableName } from './salesTableDefinitions.js';
import type { SalesRow } from './TableDefinition.js';

/** Direct access to one generic Sales table, bypassing HTTP (for test setup and assertions). */
export interface EmulatorSalesTable {
  /** Every row, as the Web API returns it without annotations. */
  list(): SalesRow[];
  /** A row by its GUID or by its alternate key value (e.g. a quotenumber). */
  get(idOrAlternateKey: string): SalesRow | undefined;
  /** Creates a row, validated as a Web API write; lookups by `<nav>@odata.bind` or `_<nav>_value`. */
  insert(row: Record<string, unknown>): SalesRow;
  /** Changes columns as a user in Sales would: validated, new versionnumber and modifiedon. */
  update(id: string, patch: Record<string, unknown>): SalesRow;
  /** Deletes a row (and its parental children, e.g. a quote's details). */
  remove(id: string): void;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isSalesTableName(set: string): set is SalesTableName {
  return (SALES_TABLE_NAMES as readonly string[]).includes(set);
}

/** `store` is read on every call, so access survives an emulator reset. */
export function salesTableAccess(store: () => DataverseStore, set: SalesTableName | (string & {})): EmulatorSalesTable {
  const tables = () => store().tables;
  return {
    list: () =>
      tables()
        .rows(set)
        .map((row) => ({ ...row })),
    get: (idOrAlternateKey) => {
      const table = tables().table(set);
      const row =
        (GUID.test(idOrAlternateKey) ? table.get(idOrAlternateKey) : undefined) ??
        table.byAlternateKey(idOrAlternateKey);
      return row ? { ...row.values } : undefined;
    },
    insert: (row) => ({
      ...tables().create(set, tables().read(set, row, 'direct'), 'direct', { keepSystemColumns: true }).values,
    }),
    update: (id, patch) => ({ ...tables().update(set, id, tables().read(set, patch, 'direct'), 'direct').values }),
    remove: (id) => tables().remove(set, id),
  };
}
