import type { UndoLog } from '../../store/UndoLog.js';
import { ChangeLog } from '../changes/ChangeLog.js';
import type { SalesRow, TableDefinition } from './TableDefinition.js';

/** Where a table's delete takes its version and time from: the organisation's store. */
export interface TableClock {
  nextVersion(): number;
  nowMs(): number;
}

/** A stored row: its Web API values and, per lookup, the entity set the lookup points at. */
export interface StoredRow {
  readonly values: Readonly<SalesRow>;
  readonly targets: Readonly<Record<string, string>>;
}

/**
 * One table's rows in memory, keyed by lower-case GUID, with its alternate key's index and its
 * change log (for change tracking). Every change records its undo in the shared log, so a
 * `$batch` change set rolls back.
 */
export class TableStore {
  readonly #rows = new Map<string, StoredRow>();
  /** Ids by lower-case alternate key value; several only where the key allows duplicates (seeds). */
  readonly #byKey = new Map<string, string | Set<string>>();
  readonly #clock: TableClock;
  #sortedIds: string[] | undefined;
  /** Grows on every change (a rollback too): lets later pages of a query reuse its sorted rows. */
  #revision = 0;
  readonly changes: ChangeLog;

  constructor(
    readonly definition: TableDefinition,
    readonly undo: UndoLog,
    clock: TableClock,
  ) {
    this.#clock = clock;
    this.changes = new ChangeLog(
      undo,
      () => [...this.#rows].map(([id, row]): [string, number] => [id, rowVersion(row)]),
      () => this.#rows.size,
    );
  }

  get size(): number {
    return this.#rows.size;
  }

  rows(): StoredRow[] {
    return [...this.#rows.values()];
  }

  get(id: string): StoredRow | undefined {
    return this.#rows.get(id.toLowerCase());
  }

  /** The row whose alternate key equals `value`, ignoring case as SQL Server's collation does. */
  byAlternateKey(value: string): StoredRow | undefined {
    return this.allByAlternateKey(value)[0];
  }

  /** Whether a row other than `id` holds the alternate key value `value`. */
  keyHeldByOther(value: string, id: string): boolean {
    const ids = this.#byKey.get(value.toLowerCase());
    if (ids === undefined) return false;
    if (typeof ids === 'string') return ids !== id.toLowerCase();
    return ids.size > 1 || !ids.has(id.toLowerCase());
  }

  /** Every row whose alternate key equals `value` (more than one only where duplicates are allowed). */
  allByAlternateKey(value: string): StoredRow[] {
    const ids = this.#byKey.get(value.toLowerCase());
    if (ids === undefined) return [];
    return (typeof ids === 'string' ? [ids] : [...ids]).flatMap((id) => {
      const row = this.#rows.get(id);
      return row ? [row] : [];
    });
  }

  get revision(): number {
    return this.#revision;
  }

  /** Row ids in primary-key order (GUIDs are stored lower-case, so code-unit order is it). */
  idsInKeyOrder(): readonly string[] {
    this.#sortedIds ??= [...this.#rows.keys()].sort();
    return this.#sortedIds;
  }

  put(row: StoredRow): void {
    const id = String(row.values[this.definition.primaryKey]).toLowerCase();
    const previous = this.#rows.get(id);
    this.#set(id, previous, row);
    this.undo.record(() => this.#set(id, row, previous));
    this.changes.written(id, rowVersion(row));
  }

  delete(id: string): void {
    const key = id.toLowerCase();
    const previous = this.#rows.get(key);
    if (!previous) return;
    this.#set(key, previous, undefined);
    this.undo.record(() => this.#set(key, undefined, previous));
    this.changes.deleted(key, { version: this.#clock.nextVersion(), at: this.#clock.nowMs() });
  }

  #set(id: string, before: StoredRow | undefined, after: StoredRow | undefined): void {
    if (after) this.#rows.set(id, after);
    else this.#rows.delete(id);
    this.#revision += 1;
    if (!before || !after) this.#sortedIds = undefined;
    const column = this.definition.alternateKey;
    if (!column) return;
    const old = keyText(before?.values[column]);
    const now = keyText(after?.values[column]);
    if (old === now) return;
    if (old !== undefined) this.#unindex(old, id);
    if (now !== undefined) this.#index(now, id);
  }

  #index(key: string, id: string): void {
    const holders = this.#byKey.get(key);
    if (holders === undefined || holders === id) this.#byKey.set(key, id);
    else if (typeof holders === 'string') this.#byKey.set(key, new Set([holders, id]));
    else holders.add(id);
  }

  #unindex(key: string, id: string): void {
    const holders = this.#byKey.get(key);
    if (holders === id) this.#byKey.delete(key);
    else if (typeof holders === 'object') {
      holders.delete(id);
      const [only, ...others] = holders;
      if (only !== undefined && others.length === 0) this.#byKey.set(key, only);
    }
  }
}

function keyText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
}

function rowVersion(row: StoredRow): number {
  const version = row.values['versionnumber'];
  return typeof version === 'number' ? version : 0;
}
