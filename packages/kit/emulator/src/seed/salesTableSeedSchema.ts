import { z } from 'zod';
import { SALES_TABLE_NAMES, type SalesTableName } from '../dataverse/tables/salesTableDefinitions.js';

/**
 * A seed row of a generic Sales table, as the Web API writes it: columns, lookups as
 * `<nav>@odata.bind` (by id or alternate key) or `_<nav>_value` GUIDs. The table engine
 * validates it when the seed is applied.
 */
export type SeedSalesRow = Record<string, unknown>;

export type SeedSalesTables = { [K in SalesTableName]?: SeedSalesRow[] };

const row = z.record(z.string(), z.unknown()) as z.ZodType<SeedSalesRow>;

/** `sales.<set>` arrays, one per generic table, for the seed schema's `sales` object. */
export const salesTableSeedShape = Object.fromEntries(
  SALES_TABLE_NAMES.map((set) => [set, z.array(row).optional()]),
) as {
  [K in SalesTableName]: z.ZodOptional<z.ZodArray<z.ZodType<SeedSalesRow>>>;
};
