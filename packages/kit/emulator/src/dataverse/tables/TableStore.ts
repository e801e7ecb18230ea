import type { UndoLog } from '../../store/UndoLog.js';
import type { SalesRow, TableDefinition } from './TableDefinition.js';

/** A stored row: its Web API values and, per lookup, the entity set the lookup points at. */
export interface StoredRow {
  readonly values: Readonly<SalesRow>;
  readonly targets: Readonly<Record<string, string>>;
}

/**
 * One table's rows in memory, keyed by lower-case GUID, with its alternate key's index.
 * Every change records its undo in the shared log, so a `$batch` change set rolls back.
 */
export class TableStore {
  readonly #rows = new Map<string, StoredRow>();
  readonly #byKey = new Map<string, string>();

  constructor(
    readonly definition: TableDefinition,
    readonly undo: UndoLog,
  ) {}

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
    const id = this.#byKey.get(value.toLowerCase());
    return id === undefined ? undefined : this.#rows.get(id);
  }

  put(row: StoredRow): void {
    const id = String(row.values[this.definition.primaryKey]).toLowerCase();
    const previous = this.#rows.get(id);
    this.#set(id, previous, row);
    this.undo.record(() => this.#set(id, row, previous));
  }

  delete(id: string): void {
    const key = id.toLowerCase();
    const previous = this.#rows.get(key);
    if (!previous) return;
    this.#set(key, previous, undefined);
    this.undo.record(() => this.#set(key, undefined, previous));
  }

  #set(id: string, before: StoredRow | undefined, after: StoredRow | undefined): void {
    if (after) this.#rows.set(id, after);
    else this.#rows.delete(id);
    const column = this.definition.alternateKey;
    if (!column) return;
    const old = keyText(before?.values[column]);
    const now = keyText(after?.values[column]);
    if (old === now) return;
    if (old !== undefined && this.#byKey.get(old) === id) this.#byKey.delete(old);
    if (now !== undefined) this.#byKey.set(now, id);
  }
}

function keyText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;
}
