/** What a column holds; decides its EDM type, how a write is checked and how it is formatted. */
export type TableColumnKind = 'string' | 'integer' | 'decimal' | 'money' | 'boolean' | 'picklist' | 'state' | 'date';

export interface TableColumn {
  readonly kind: TableColumnKind;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  /** Computed by the table (see `TableDefinition.compute`); writes of it are ignored. */
  readonly readOnly?: boolean;
  /** The value a new row gets when the write leaves the column out. */
  readonly default?: string | number | boolean;
  /** Option set labels (picklist and state); a Web API write outside them is refused. */
  readonly options?: Readonly<Record<number, string>>;
}

/**
 * A lookup column, read as `_<name>_value`. With one target it is bound as `<name>@odata.bind`;
 * with several (a customer lookup) as `<name>_<logical>@odata.bind`, one bind name per target.
 */
export interface TableLookup {
  /** Entity sets it may point at (e.g. `['accounts', 'contacts']`). */
  readonly targets: readonly string[];
  readonly required?: boolean;
  /** A parental relationship: deleting the target deletes this row (a quote's details). */
  readonly parental?: boolean;
}

/** Rows as the Web API returns them (without annotations). */
export type SalesRow = Record<string, unknown>;

/** What a table's computed columns and hooks may read. */
export interface TableReader {
  rows(set: string): readonly SalesRow[];
  row(set: string, id: string): SalesRow | undefined;
}

/**
 * A Dataverse table described declaratively: the generic table engine serves, validates,
 * seeds and formats every table from one of these.
 */
export interface TableDefinition {
  readonly set: string;
  readonly logical: string;
  /** `<logical>id`. */
  readonly primaryKey: string;
  /** The column Sales shows as the row's name (lookup FormattedValue). */
  readonly primaryName: string;
  /** A single-column alternate key (`quotes(quotenumber='QUO-1')`); unique, case-insensitive. */
  readonly alternateKey?: string;
  /** Generates the alternate key when a row is created without one: `QUO-01000-XXXXXX`. */
  readonly generatedKeyPrefix?: string;
  /** Columns in the order responses list them (common system columns come after). */
  readonly columns: Readonly<Record<string, TableColumn>>;
  readonly lookups: Readonly<Record<string, TableLookup>>;
  readonly states: Readonly<Record<number, string>>;
  /** statuscode options; absent: any whole number (default 1). */
  readonly statuses?: Readonly<Record<number, string>>;
  /** Columns (lookups as `_<nav>_value`) whose combination is unique, e.g. a price list item. */
  readonly unique?: readonly string[];
  /** Read-only columns derived from the row and other tables, recomputed on every write. */
  compute?(row: SalesRow, tables: TableReader): SalesRow;
  /**
   * Whether `Prefer: odata.track-changes` reads changes (delta links, deleted rows) by default;
   * Dataverse's per-table "Track changes" admin setting, overridable by `changeTracking.tables`.
   */
  readonly changeTracking?: boolean;
  /** Lookups whose target is touched (new version, recomputed) when this row changes. */
  readonly touches?: readonly string[];
}

export function lookupColumn(navigation: string): string {
  return `_${navigation}_value`;
}
