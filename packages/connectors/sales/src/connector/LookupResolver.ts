import type { ODataClient } from '@p2c/odata';
import type { DataverseLookup } from './DataverseEntityOptions.js';

type Row = Record<string, unknown>;

/**
 * Joins single-valued lookups onto rows: `_transactioncurrencyid_value` becomes
 * `transactioncurrencyid: { isocurrencycode: 'EUR' }`. Each related table is read once per
 * source (currencies, price lists: small tables) and kept.
 */
export class LookupResolver {
  readonly #tables = new Map<string, Promise<Map<string, Row>>>();

  constructor(
    private readonly client: ODataClient,
    private readonly lookups: Readonly<Record<string, DataverseLookup>>,
  ) {}

  /** The lookup columns to `$select` on the main table. */
  get columns(): string[] {
    return [...new Set(Object.entries(this.lookups).map(([navigation, lookup]) => columnOf(navigation, lookup)))];
  }

  async resolve(rows: Row[]): Promise<void> {
    for (const [navigation, lookup] of Object.entries(this.lookups)) {
      const table = await this.#table(navigation, lookup);
      for (const row of rows) {
        const id = row[columnOf(navigation, lookup)];
        const related = typeof id === 'string' ? table.get(id.toLowerCase()) : undefined;
        row[navigation] = related ?? null;
      }
    }
  }

  #table(navigation: string, lookup: DataverseLookup): Promise<Map<string, Row>> {
    let table = this.#tables.get(navigation);
    if (!table) {
      table = this.#read(lookup);
      this.#tables.set(navigation, table);
      // A failed read is not kept: the next page asks again.
      table.catch(() => this.#tables.delete(navigation));
    }
    return table;
  }

  async #read(lookup: DataverseLookup): Promise<Map<string, Row>> {
    const rows = new Map<string, Row>();
    for await (const page of this.client.pages<Row>(lookup.entity, {
      query: { select: [lookup.idField, ...lookup.select] },
      maxPageSize: 5000,
    })) {
      for (const row of page.value) {
        const related = Object.fromEntries(lookup.select.map((column) => [column, row[column] ?? null]));
        rows.set(String(row[lookup.idField]).toLowerCase(), related);
      }
    }
    return rows;
  }
}

function columnOf(navigation: string, lookup: DataverseLookup): string {
  return lookup.column ?? `_${navigation}_value`;
}
