import type { UndoLog } from '../../store/UndoLog.js';
import type { FinOpsEntityRow, FinOpsEntityValue } from './EntityDefinition.js';

interface StoredRow {
  readonly row: FinOpsEntityRow;
  /** Record version behind the row's etag. */
  readonly version: number;
}

/** F&O compares keys without regard to case; decimals compare by value (1 = 1.0). */
export function entityRowKey(dataAreaId: string, key: readonly FinOpsEntityValue[]): string {
  return [dataAreaId, ...key].map((part) => (typeof part === 'number' ? String(part) : part.toLowerCase())).join('|');
}

/**
 * The rows of every declared data entity, by entity set and company-scoped key. Each change
 * records its undo step, so a failing `$batch` change set rolls back.
 */
export class EntityStore {
  readonly #undo: UndoLog;
  /** Told of every row stored (the environment keeps global numbers, e.g. party numbers, above them). */
  readonly #onPut: (row: FinOpsEntityRow) => void;
  readonly #sets = new Map<string, Map<string, StoredRow>>();
  #version = 5_637_144_576;

  constructor(undo: UndoLog, onPut: (row: FinOpsEntityRow) => void = () => undefined) {
    this.#undo = undo;
    this.#onPut = onPut;
  }

  #set(entitySet: string): Map<string, StoredRow> {
    let rows = this.#sets.get(entitySet);
    if (!rows) {
      rows = new Map();
      this.#sets.set(entitySet, rows);
    }
    return rows;
  }

  /** The stored rows themselves, for queries that only read them. */
  rows(entitySet: string): FinOpsEntityRow[] {
    return Array.from(this.#set(entitySet).values(), (stored) => stored.row);
  }

  count(entitySet: string): number {
    return this.#set(entitySet).size;
  }

  get(entitySet: string, dataAreaId: string, key: readonly FinOpsEntityValue[]): FinOpsEntityRow | undefined {
    return this.#set(entitySet).get(entityRowKey(dataAreaId, key))?.row;
  }

  version(entitySet: string, dataAreaId: string, key: readonly FinOpsEntityValue[]): number | undefined {
    return this.#set(entitySet).get(entityRowKey(dataAreaId, key))?.version;
  }

  put(entitySet: string, key: readonly FinOpsEntityValue[], row: FinOpsEntityRow): void {
    const rows = this.#set(entitySet);
    const id = entityRowKey(String(row['dataAreaId']), key);
    const previous = rows.get(id);
    this.#version += 1;
    rows.set(id, { row: { ...row }, version: this.#version });
    this.#onPut(row);
    this.#undo.record(() => {
      if (previous) rows.set(id, previous);
      else rows.delete(id);
    });
  }

  delete(entitySet: string, dataAreaId: string, key: readonly FinOpsEntityValue[]): void {
    const rows = this.#set(entitySet);
    const id = entityRowKey(dataAreaId, key);
    const previous = rows.get(id);
    if (!previous) return;
    rows.delete(id);
    this.#undo.record(() => rows.set(id, previous));
  }
}
