import { DataverseFault } from '../dataverse/DataverseFault.js';
import type { DataverseStore } from '../dataverse/DataverseStore.js';
import { isSalesTableName } from '../dataverse/tables/salesTableAccess.js';
import { valueText } from '../odata/valueText.js';
import { deterministicGuid } from './deterministicGuid.js';
import type { SeedSalesRow, SeedSalesTables } from './salesTableSeedSchema.js';
import { EmulatorSeedError } from './parseEmulatorSeed.js';

/** The seed's `sales` part as far as the generic tables go: `sales.<set>` and `sales.rows.<set>`. */
export type SalesTableSeeds = SeedSalesTables & { readonly rows?: Readonly<Record<string, readonly SeedSalesRow[]>> };

/**
 * Loads `sales.<set>` then `sales.rows.<set>` rows in dependency order (price lists before
 * products, quotes before their details, declared tables last in declaration order), validated
 * as Web API writes; a missing id is derived from the row's place.
 */
export function applySalesTableSeeds(store: DataverseStore, sales: SalesTableSeeds | undefined): void {
  if (!sales) return;
  const tables = store.tables;
  for (const definition of tables.definitions()) {
    const set = definition.set;
    const builtIn: readonly SeedSalesRow[] = isSalesTableName(set) ? (sales[set] ?? []) : [];
    const rows = [
      ...builtIn.map((row, index) => [row, `sales.${set}[${index}]`] as const),
      ...(sales.rows?.[set] ?? []).map((row, index) => [row, `sales.rows.${set}[${index}]`] as const),
    ];
    if (rows.length === 0) continue;
    const salt = tables.table(set).size;
    rows.forEach(([seedRow, where], index) => {
      try {
        const payload = tables.read(set, seedRow, 'direct');
        const id =
          payload.values[definition.primaryKey] ??
          deterministicGuid(
            `${set}|${index + salt}|${definition.alternateKey ? valueText(seedRow[definition.alternateKey] ?? '') : ''}`,
          );
        tables.create(
          set,
          { values: { ...payload.values, [definition.primaryKey]: id }, lookups: payload.lookups },
          'direct',
          {
            keepSystemColumns: true,
          },
        );
      } catch (error) {
        if (!(error instanceof DataverseFault)) throw error;
        const problem = `${where}: ${error.message}`;
        throw new EmulatorSeedError(
          `Invalid seed:\n  ${problem}`,
          [problem],
          error.status === 412 ? 'conflict' : 'invalid',
        );
      }
    });
  }
}
