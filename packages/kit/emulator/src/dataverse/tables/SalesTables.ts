import { randomUUID } from 'node:crypto';
import { parseKeySegment, type KeySegment } from '../../odata/parseResourcePath.js';
import { ODataQueryError } from '../../odata/ODataQueryError.js';
import { deterministicGuid } from '../../seed/deterministicGuid.js';
import type { DataverseStore } from '../DataverseStore.js';
import type { TransactionCurrency } from '../TransactionCurrency.js';
import { ACCOUNT_TABLE } from './accountTable.js';
import { readTablePayload, type LookupWrite, type PayloadSource, type TablePayload } from './readTablePayload.js';
import { SALES_TABLES } from './salesTableDefinitions.js';
import {
  lookupColumn,
  type SalesRow,
  type TableColumn,
  type TableDefinition,
  type TableReader,
} from './TableDefinition.js';
import { tableFaults } from './tableFaults.js';
import { TableStore, type StoredRow } from './TableStore.js';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The row a key addressed (if any) and the key itself, for upserts and errors. */
export interface TableTarget {
  readonly row: StoredRow | undefined;
  readonly id?: string;
  readonly alternateKey?: string;
}

/** A lookup's target as a row points at it. */
export interface ResolvedTarget {
  readonly set: string;
  readonly id: string;
}

export interface WriteOptions {
  /** Keep createdon/modifiedon/versionnumber the write brings (seeds). */
  readonly keepSystemColumns?: boolean;
}

const blanks = new WeakMap<TableDefinition, readonly [string, unknown][]>();

/** A new row before the write: the primary key first, defaults, empty lookups, state and status. */
function blankRow(definition: TableDefinition): readonly [string, unknown][] {
  let blank = blanks.get(definition);
  if (!blank) {
    const values: SalesRow = { [definition.primaryKey]: null };
    for (const [name, column] of Object.entries(definition.columns)) values[name] = column.default ?? null;
    for (const navigation of Object.keys(definition.lookups)) values[lookupColumn(navigation)] = null;
    values['statecode'] = 0;
    if (definition.statusCode !== false)
      values['statuscode'] = Number(Object.keys(definition.statuses ?? { 1: '' })[0]);
    blank = Object.entries(values);
    blanks.set(definition, blank);
  }
  return blank;
}

const currencyDefaults = new WeakMap<TableDefinition, readonly string[]>();

function baseCurrencyLookups(definition: TableDefinition): readonly string[] {
  let found = currencyDefaults.get(definition);
  if (!found) {
    found = Object.entries(definition.lookups)
      .filter(([, lookup]) => lookup.defaultsToBaseCurrency)
      .map(([navigation]) => navigation);
    currencyDefaults.set(definition, found);
  }
  return found;
}

/** Dataverse refuses a create that sets a column or lookup whose IsValidForCreate is False. */
function refuseNotValidForCreate(definition: TableDefinition, payload: TablePayload): void {
  for (const [name, value] of Object.entries(payload.values)) {
    if (value !== null && definition.columns[name]?.validForCreate === false)
      throw tableFaults.notValidForCreate(definition.logical, name);
  }
  for (const [navigation, write] of payload.lookups) {
    if (write.kind !== 'clear' && definition.lookups[navigation]?.validForCreate === false)
      throw tableFaults.notValidForCreate(definition.logical, navigation);
  }
}

const required = new WeakMap<TableDefinition, readonly [string, TableColumn][]>();

function requiredColumns(definition: TableDefinition): readonly [string, TableColumn][] {
  let found = required.get(definition);
  if (!found) {
    found = Object.entries(definition.columns).filter(([, column]) => column.required);
    required.set(definition, found);
  }
  return found;
}

function keyLabel(name: string, value: unknown): string {
  return typeof value === 'string' ? `${name}='${value.replace(/'/g, "''")}'` : `${name}=${String(value)}`;
}

/**
 * The generic Dataverse table engine: every table of `SALES_TABLES` in memory, with lookups
 * to each other and to accounts and currencies, validation, computed columns and hooks.
 * Versions and timestamps come from the organisation's store, and so does the undo log.
 */
export class SalesTables implements TableReader {
  readonly #store: DataverseStore;
  readonly #tables = new Map<string, TableStore>();
  #sequence = 0;

  constructor(store: DataverseStore, definitions: readonly TableDefinition[] = [ACCOUNT_TABLE, ...SALES_TABLES]) {
    this.#store = store;
    for (const definition of definitions)
      this.#tables.set(definition.set, new TableStore(definition, store.undo, store));
  }

  /** Adds a table a seed declared; it starts empty and is served like the built-in ones. */
  declare(definition: TableDefinition): void {
    if (this.#tables.has(definition.set)) throw new Error(`The Sales table '${definition.set}' already exists.`);
    this.#tables.set(definition.set, new TableStore(definition, this.#store.undo, this.#store));
  }

  has(set: string): boolean {
    return this.#tables.has(set);
  }

  definitions(): TableDefinition[] {
    return [...this.#tables.values()].map((table) => table.definition);
  }

  table(set: string): TableStore {
    const table = this.#tables.get(set);
    if (!table) throw new Error(`Unknown Sales table '${set}'.`);
    return table;
  }

  rows(set: string): readonly SalesRow[] {
    return this.table(set)
      .rows()
      .map((row) => row.values);
  }

  row(set: string, id: string): SalesRow | undefined {
    return this.#tables.get(set)?.get(id)?.values;
  }

  currency(id: string): TransactionCurrency | undefined {
    return this.#store.currency(id);
  }

  /** A currency as `$expand` and `$filter` read it. */
  currencyRow(id: string): TransactionCurrency | undefined {
    return this.#store.currency(id);
  }

  /** accounts → account; transactioncurrencies → transactioncurrency. */
  logicalOf = (set: string): string => {
    if (set === 'transactioncurrencies') return 'transactioncurrency';
    return this.#tables.get(set)?.definition.logical ?? set;
  };

  /** The primary name Sales shows for a lookup's target (its FormattedValue). */
  displayName(set: string, id: string): string | undefined {
    if (set === 'transactioncurrencies') return this.#store.currency(id)?.currencyname;
    const table = this.#tables.get(set);
    const value = table?.get(id)?.values[table.definition.primaryName];
    return typeof value === 'string' ? value : undefined;
  }

  /** Finds a row of a table by its key segment: the GUID, `<primarykey>=guid` or its alternate key. */
  find(set: string, key: KeySegment): TableTarget {
    const table = this.table(set);
    const { primaryKey, alternateKey, logical } = table.definition;
    const byId = (value: unknown): TableTarget => {
      if (typeof value !== 'string' || !GUID.test(value)) throw tableFaults.badKey(key.raw);
      return { row: table.get(value), id: value.toLowerCase() };
    };
    if (key.kind === 'single') return byId(key.value);
    const names = [...key.values.keys()];
    if (names.length === 1 && names[0] === primaryKey) return byId(key.values.get(primaryKey));
    if (names.length === 1 && alternateKey !== undefined && names[0] === alternateKey) {
      const value = key.values.get(alternateKey);
      if (typeof value !== 'string') throw tableFaults.badKey(key.raw);
      const rows = table.allByAlternateKey(value);
      if (rows.length > 1)
        throw tableFaults.ambiguousKey(logical, alternateKey, keyLabel(alternateKey, value), rows.length);
      return { row: rows[0], alternateKey: value };
    }
    throw tableFaults.undefinedKey(logical, names.join(','));
  }

  /** A missing row as Dataverse reports it; `naming` adds the key (a seed's bind, to find the bad row). */
  notFound(set: string, target: TableTarget, naming = false): Error {
    const { logical, alternateKey } = this.table(set).definition;
    if (target.id !== undefined) return tableFaults.recordNotFound(logical, target.id);
    return tableFaults.keyNotFound(logical, naming ? keyLabel(alternateKey ?? '', target.alternateKey) : undefined);
  }

  /** The id a bind's reference names; a missing row fails the request naming the table and key. */
  #resolveReference(set: string, keyText: string): string {
    let key: KeySegment;
    try {
      key = parseKeySegment(keyText);
    } catch (error) {
      if (error instanceof ODataQueryError) throw tableFaults.badKey(keyText);
      throw error;
    }
    const logical = this.logicalOf(set);
    if (set === 'transactioncurrencies') {
      const primaryKey = `${logical}id`;
      const single = key.kind === 'single' ? key.value : key.values.size === 1 ? key.values.get(primaryKey) : undefined;
      if (typeof single === 'string' && GUID.test(single)) {
        if (!this.#store.currency(single)) throw tableFaults.recordNotFound(logical, single.toLowerCase());
        return single.toLowerCase();
      }
      if (key.kind === 'named') throw tableFaults.undefinedKey(logical, [...key.values.keys()].join(','));
      throw tableFaults.badKey(keyText);
    }
    const target = this.find(set, key);
    if (!target.row) throw this.notFound(set, target, true);
    return String(target.row.values[this.table(set).definition.primaryKey]);
  }

  #exists(set: string, id: string): boolean {
    if (set === 'transactioncurrencies') return this.#store.currency(id) !== undefined;
    return this.#tables.get(set)?.get(id) !== undefined;
  }

  #resolve(navigation: string, write: LookupWrite, source: PayloadSource): ResolvedTarget | null | undefined {
    if (write.kind === 'clear') return null;
    if (write.kind === 'reference')
      return { set: write.reference.set, id: this.#resolveReference(write.reference.set, write.reference.key) };
    const hinted = write.allowed.find((set) => this.logicalOf(set) === write.hint);
    const candidates = hinted ? [hinted] : write.allowed;
    const found = candidates.find((set) => this.#exists(set, write.id));
    if (found) return { set: found, id: write.id };
    // A seed copied from another organization names currencies this one does not have.
    if (source === 'direct' && navigation === 'transactioncurrencyid') return undefined;
    throw tableFaults.recordNotFound(this.logicalOf(candidates[0] ?? ''), write.id);
  }

  read(set: string, body: Record<string, unknown>, source: PayloadSource): TablePayload {
    return readTablePayload(this.table(set).definition, body, source, this.logicalOf);
  }

  /** Creates a row: defaults, generated keys, computed columns, checks, then the hooks. */
  create(set: string, payload: TablePayload, source: PayloadSource, options: WriteOptions = {}): StoredRow {
    const table = this.table(set);
    const definition = table.definition;
    // readTablePayload lets a primary key through only as a GUID string.
    const given = payload.values[definition.primaryKey];
    const id = (typeof given === 'string' ? given : randomUUID()).toLowerCase();
    if (table.get(id)) throw tableFaults.duplicateRecord();
    const values: SalesRow = {};
    // Assigned one by one: a spread of a wide object is many times slower (a million seeded rows).
    for (const [name, value] of blankRow(definition)) values[name] = value;
    values[definition.primaryKey] = id;
    const now = this.#store.timestamp();
    values['createdon'] = now;
    values['modifiedon'] = now;
    values['versionnumber'] = 0;
    if (source === 'webapi') refuseNotValidForCreate(definition, payload);
    const targets = this.#apply(values, {}, payload, source, options);
    if (source === 'direct') this.#directDefaults(definition, payload, values, targets);
    if (options.keepSystemColumns && payload.values['modifiedon'] === undefined)
      values['modifiedon'] = values['createdon'];
    this.#defaultCurrencies(definition, payload, values, targets);
    const key = definition.alternateKey;
    if (key && definition.generatedKeyPrefix && (values[key] === null || values[key] === '')) {
      values[key] = this.#generateKey(table, definition.generatedKeyPrefix);
    }
    return this.#save(table, { values, targets }, undefined, options, source);
  }

  /** Required lookups a seed or test leaves out: the default its definition names (see `DirectLookupDefault`). */
  #directDefaults(
    definition: TableDefinition,
    payload: TablePayload,
    values: SalesRow,
    targets: Record<string, string>,
  ): void {
    for (const [navigation, lookup] of Object.entries(definition.lookups)) {
      const fallback = lookup.directDefault;
      const column = lookupColumn(navigation);
      if (!fallback || payload.lookups.has(navigation) || values[column] !== null) continue;
      let id: unknown;
      if ('named' in fallback) {
        const named = this.table(fallback.set);
        const key = named.definition.alternateKey;
        id =
          named.byAlternateKey(fallback.named)?.values[named.definition.primaryKey] ??
          (key
            ? this.create(
                fallback.set,
                {
                  // The same id in every emulator, as a seeded row's.
                  values: {
                    [named.definition.primaryKey]: deterministicGuid(`${fallback.set}|default|${fallback.named}`),
                    [key]: fallback.named,
                  },
                  lookups: new Map(),
                },
                'direct',
              ).values[named.definition.primaryKey]
            : undefined);
      } else {
        const through = values[lookupColumn(fallback.via)];
        const via = definition.lookups[fallback.via];
        const set = targets[fallback.via] ?? via?.targets[0];
        id = typeof through === 'string' && set ? this.row(set, through)?.[fallback.column] : undefined;
      }
      if (typeof id !== 'string') continue;
      values[column] = id;
      targets[navigation] = fallback.set;
    }
  }

  /** Lookups that default to the base currency, for a new row that does not set them. */
  #defaultCurrencies(
    definition: TableDefinition,
    payload: TablePayload,
    values: SalesRow,
    targets: Record<string, string>,
  ): void {
    for (const navigation of baseCurrencyLookups(definition)) {
      const column = lookupColumn(navigation);
      if (payload.lookups.has(navigation) || values[column] !== null) continue;
      const base = this.#store.baseCurrency();
      if (!base) return;
      values[column] = base.transactioncurrencyid;
      targets[navigation] = 'transactioncurrencies';
    }
  }

  update(set: string, id: string, payload: TablePayload, source: PayloadSource, options: WriteOptions = {}): StoredRow {
    const table = this.table(set);
    const previous = table.get(id);
    if (!previous) throw tableFaults.recordNotFound(table.definition.logical, id.toLowerCase());
    const state = Number(previous.values['statecode']);
    if (source === 'webapi' && table.definition.closedStates?.includes(state)) {
      throw tableFaults.closedRecord(table.definition.logical, table.definition.states[state] ?? String(state));
    }
    const values: SalesRow = { ...previous.values };
    const { [table.definition.primaryKey]: _ignored, ...changes } = payload.values;
    const targets = this.#apply(
      values,
      previous.targets,
      { values: changes, lookups: payload.lookups },
      source,
      options,
    );
    values['modifiedon'] =
      options.keepSystemColumns && typeof changes['modifiedon'] === 'string'
        ? changes['modifiedon']
        : this.#store.timestamp();
    return this.#save(table, { values, targets }, previous, options, source);
  }

  /** Deletes a row, its parental children (a quote's details), and clears links to it. */
  remove(set: string, id: string): void {
    const table = this.table(set);
    const row = table.get(id);
    if (!row) throw tableFaults.recordNotFound(table.definition.logical, id.toLowerCase());
    const key = id.toLowerCase();
    table.delete(key);
    for (const other of this.#tables.values()) {
      for (const [navigation, lookup] of Object.entries(other.definition.lookups)) {
        if (!lookup.targets.includes(set)) continue;
        const column = lookupColumn(navigation);
        for (const child of other
          .rows()
          .filter((candidate) => candidate.values[column] === key && candidate.targets[navigation] === set)) {
          const childId = String(child.values[other.definition.primaryKey]);
          if (lookup.parental) this.remove(other.definition.set, childId);
          else {
            const { [navigation]: _cleared, ...targets } = child.targets;
            other.put({ values: { ...child.values, [column]: null, ...this.#stamp() }, targets });
          }
        }
      }
    }
    this.#touchParents(table.definition, row, undefined);
  }

  #stamp(): SalesRow {
    return { modifiedon: this.#store.timestamp(), versionnumber: this.#store.nextVersion() };
  }

  /** Writes the payload's values into `values`; returns the lookup targets `targets` becomes. */
  #apply(
    values: SalesRow,
    targets: Readonly<Record<string, string>>,
    payload: TablePayload,
    source: PayloadSource,
    options: WriteOptions,
  ): Record<string, string> {
    for (const [name, value] of Object.entries(payload.values)) {
      if (!options.keepSystemColumns && (name === 'createdon' || name === 'modifiedon' || name === 'versionnumber'))
        continue;
      values[name] = value;
    }
    let next: Record<string, string> = { ...targets };
    for (const [navigation, write] of payload.lookups) {
      const resolved = this.#resolve(navigation, write, source);
      if (resolved === undefined) continue;
      values[lookupColumn(navigation)] = resolved?.id ?? null;
      if (resolved) next[navigation] = resolved.set;
      else {
        const { [navigation]: _cleared, ...rest } = next;
        next = rest;
      }
    }
    return next;
  }

  #save(
    table: TableStore,
    row: StoredRow,
    previous: StoredRow | undefined,
    options: WriteOptions,
    source: PayloadSource,
  ): StoredRow {
    const definition = table.definition;
    const values: SalesRow = definition.compute
      ? { ...row.values, ...definition.compute(row.values, this) }
      : row.values;
    this.#check(table, values, source);
    definition.validate?.(values, this);
    const kept =
      options.keepSystemColumns && typeof values['versionnumber'] === 'number' && values['versionnumber'] > 0;
    if (kept) this.#store.observeVersion(values['versionnumber'] as number);
    else values['versionnumber'] = this.#store.nextVersion();
    const saved: StoredRow = { values, targets: row.targets };
    table.put(saved);
    this.#touchParents(definition, saved, previous);
    return saved;
  }

  #check(table: TableStore, values: SalesRow, source: PayloadSource): void {
    const definition = table.definition;
    const id = values[definition.primaryKey];
    for (const [name, column] of requiredColumns(definition)) {
      if (column.required === 'webapi' && source !== 'webapi') continue;
      const value = values[name];
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
        throw tableFaults.required(definition.logical, name);
      }
    }
    for (const [navigation, lookup] of Object.entries(definition.lookups)) {
      const target = values[lookupColumn(navigation)];
      if (lookup.required && (target === null || target === undefined))
        throw tableFaults.required(definition.logical, navigation);
    }
    const key = definition.alternateKey;
    const enforced = definition.alternateKeyUnique !== 'webapi' || source === 'webapi';
    if (key && enforced && typeof values[key] === 'string' && values[key] !== '') {
      if (table.keyHeldByOther(values[key], String(id)))
        throw tableFaults.duplicateKey(definition.logical, [key], definition.alternateKeyLabels);
    }
    const unique = definition.unique;
    if (unique) {
      const clash = table
        .rows()
        .some(
          (other) =>
            other.values[definition.primaryKey] !== id && unique.every((name) => other.values[name] === values[name]),
        );
      if (clash) throw tableFaults.duplicateKey(definition.logical, unique);
    }
  }

  /** Sales recalculates a parent (a quote) when one of its lines changes: new version, new totals. */
  #touchParents(definition: TableDefinition, after: StoredRow | undefined, before: StoredRow | undefined): void {
    for (const navigation of definition.touches ?? []) {
      const column = lookupColumn(navigation);
      const ids = new Set(
        [after?.values[column], before?.values[column]].filter((id): id is string => typeof id === 'string'),
      );
      const targetSet = definition.lookups[navigation]?.targets[0];
      if (!targetSet) continue;
      const parentTable = this.#tables.get(targetSet);
      for (const parentId of ids) {
        const parent = parentTable?.get(parentId);
        if (!parentTable || !parent) continue;
        const values = { ...parent.values, ...this.#stamp() };
        parentTable.put({
          values: { ...values, ...parentTable.definition.compute?.(values, this) },
          targets: parent.targets,
        });
      }
    }
  }

  /** `QUO-01000-BVRCPS`: six letters that look random but repeat run after run. */
  #generateKey(table: TableStore, prefix: string): string {
    for (;;) {
      this.#sequence += 1;
      let n = (this.#sequence * 2_654_435_761 + table.size * 40_503) % 308_915_776;
      let suffix = '';
      for (let index = 0; index < 6; index += 1) {
        suffix += LETTERS.charAt(n % 26);
        n = Math.floor(n / 26);
      }
      const candidate = `${prefix}${suffix}`;
      if (!table.byAlternateKey(candidate)) return candidate;
    }
  }
}
