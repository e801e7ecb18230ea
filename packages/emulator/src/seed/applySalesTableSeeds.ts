import { DataverseFault } from '../dataverse/DataverseFault.js';
import type { DataverseStore } from '../dataverse/DataverseStore.js';
import { SALES_TABLE_NAMES } from '../dataverse/tables/salesTableDefinitions.js';
import { deterministicGuid } from './deterministicGuid.js';
import type { SeedSalesTables } from './salesTableSeedSchema.js';
import { EmulatorSeedError } from './parseEmulatorSeed.js';

/**
 * Loads `sales.<set>` rows in dependency order (price lists before products, quotes before
 * their details), validated as Web API writes; a missing id is derived from the row's place.
 */
export function applySalesTableSeeds(store: DataverseStore, sales: SeedSalesTables | undefined): void {
  if (!sales) return;
  const tables = store.tables;
  for (const set of SALES_TABLE_NAMES) {
    const rows = sales[set];
    if (!rows) continue;
    const definition = tables.table(set).definition;
    const salt = tables.table(set).size;
    rows.forEach((seedRow, index) => {
      try {
        const payload = tables.read(set, seedRow, 'direct');
        const id =
          payload.values[definition.primaryKey] ??
          deterministicGuid(`${set}|${index + salt}|${String(definition.alternateKey ? (seedRow[definition.alternateKey] ?? '') : '')}`);
        tables.create(set, { values: { ...payload.values, [definition.primaryKey]: id }, lookups: payload.lookups }, 'direct', {
          keepSystemColumns: true,
        });
      } catch (error) {
        if (!(error instanceof DataverseFault)) throw error;
        const problem = `sales.${set}[${index}]: ${error.message}`;
        throw new EmulatorSeedError(`Invalid seed:\n  ${problem}`, [problem], error.status === 412 ? 'conflict' : 'invalid');
      }
    });
  }
}
