/** What a column holds; decides its EDM type, how a write is checked and how it is formatted. */
export type TableColumnKind = 'string' | 'integer' | 'decimal' | 'money' | 'boolean' | 'picklist' | 'state' | 'date';

export interface TableColumn {
  readonly kind: TableColumnKind;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** Must not be empty; `webapi`: only for Web API writes (seeds and tests may leave it out). */
  readonly required?: boolean | 'webapi';
  /** Computed by the table (see `TableDefinition.compute`); writes of it are ignored. */
  readonly readOnly?: boolean;
  /** The value a new row gets when the write leaves the column out. */
  readonly default?: string | number | boolean;
  /** Option set labels (picklist and state); a Web API write outside them is refused. */
  readonly options?: Readonly<Record<number, string>>;
  /**
   * `false`: Dataverse's IsValidForCreate is False (the column is set by an update only); a Web
   * API create that sets it is refused.
   */
  readonly validForCreate?: false;
}

/**
 * What a direct write (a seed, a test) that leaves a required lookup out gets, so seeds written
 * before the lookup was modelled keep loading: the row of `set` named `name` (created when
 * missing), or the value the row's `lookup` target holds in `column`.
 */
type DirectLookupDefault =
  | { readonly named: string; readonly set: string }
  | { readonly via: string; readonly column: string; readonly set: string };

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
  /** A new row without it points at the organisation's base currency, as Dataverse does. */
  readonly defaultsToBaseCurrency?: boolean;
  /** `false`: Dataverse's IsValidForCreate is False; a Web API create that binds it is refused. */
  readonly validForCreate?: false;
  /** Filled for direct writes that leave it out (Web API writes get the required error). */
  readonly directDefault?: DirectLookupDefault;
}

/** Rows as the Web API returns them (without annotations). */
export type SalesRow = Record<string, unknown>;

/** What a table's computed columns and hooks may read. */
export interface TableReader {
  rows(set: string): readonly SalesRow[];
  row(set: string, id: string): SalesRow | undefined;
  /** A transaction currency by id: its code, name and symbol. */
  currency(
    id: string,
  ): { readonly isocurrencycode: string; readonly currencyname: string; readonly currencysymbol: string } | undefined;
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
  /**
   * Where the alternate key is unique: `always` (default), or `webapi`: Web API writes are
   * refused on a clash while seeds and tests may create the duplicates users meet, and a key
   * lookup matching several rows fails as ambiguous (as accounts' account number).
   */
  readonly alternateKeyUnique?: 'always' | 'webapi';
  /** Display names the duplicate-key error gives, e.g. `Account Number` and `Account Number Key`. */
  readonly alternateKeyLabels?: { readonly attribute: string; readonly key: string };
  /** Generates the alternate key when a row is created without one: `QUO-01000-XXXXXX`. */
  readonly generatedKeyPrefix?: string;
  /** Columns in the order responses list them (common system columns come after). */
  readonly columns: Readonly<Record<string, TableColumn>>;
  readonly lookups: Readonly<Record<string, TableLookup>>;
  readonly states: Readonly<Record<number, string>>;
  /** States (`statecode`) in which the row is read-only: a Web API update is refused (an invoiced order). */
  readonly closedStates?: readonly number[];
  /** Whether the table has a statuscode column (default true). */
  readonly statusCode?: boolean;
  /** statuscode options; absent: any whole number (default 1). */
  readonly statuses?: Readonly<Record<number, string>>;
  /** Columns (lookups as `_<nav>_value`) whose combination is unique, e.g. a price list item. */
  readonly unique?: readonly string[];
  /** A rule across columns and tables, checked on every write after `compute`; throws a DataverseFault. */
  validate?(row: SalesRow, tables: TableReader): void;
  /** Read-only columns derived from the row and other tables, recomputed on every write. */
  compute?(row: SalesRow, tables: TableReader): SalesRow;
  /**
   * Whether `Prefer: odata.track-changes` reads changes (delta links, deleted rows) by default;
   * Dataverse's per-table "Track changes" admin setting, overridable by `changeTracking.tables`.
   */
  readonly changeTracking?: boolean;
  /**
   * The FormattedValue a column's value gets, where the table's differs from the engine's
   * (e.g. money with the row's currency symbol); undefined falls back to the engine's.
   */
  formattedValue?(column: string, value: unknown, row: SalesRow, tables: TableReader): string | undefined;
  /** Lookups whose target is touched (new version, recomputed) when this row changes. */
  readonly touches?: readonly string[];
}

export function lookupColumn(navigation: string): string {
  return `_${navigation}_value`;
}
