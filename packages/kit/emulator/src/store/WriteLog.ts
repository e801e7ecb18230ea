import type { UndoLog } from './UndoLog.js';

export type WrittenService = 'sales' | 'finops';
export type WriteAction = 'create' | 'update' | 'delete';

/**
 * How often the services' APIs wrote one row. `key` is the row's alternate key when it has one
 * (`accountnumber`, `quotenumber`...), else its id (Sales); the key fields after `dataAreaId`,
 * joined with `,`, e.g. `usmf,US-001` (F&O). `id` is the Sales row's GUID.
 */
export interface WriteLogEntry {
  readonly service: WrittenService;
  readonly entitySet: string;
  readonly key: string;
  readonly id?: string;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

interface MutableEntry {
  service: WrittenService;
  entitySet: string;
  key: string;
  id?: string;
  create: number;
  update: number;
  delete: number;
}

/**
 * Counts the successful creates, updates and deletes the Web API / OData requests made, per
 * row. One small entry per row written (not per write), so a bench that writes a million rows
 * holds a million entries of a few strings and three numbers. Inside a `$batch` change set a
 * count is undone with the change set's rows, so a rolled-back change set leaves nothing.
 * Direct access (`emulator.sales.table(...).insert`) and seeds are not logged: they are a
 * test's setup, not what the code under test did.
 */
export class WriteLog {
  readonly #entries = new Map<string, MutableEntry>();

  record(
    undo: UndoLog,
    service: WrittenService,
    entitySet: string,
    identity: { key: string; id?: string },
    action: WriteAction,
  ): void {
    const mapKey = `${service}|${entitySet}|${(identity.id ?? identity.key).toLowerCase()}`;
    let entry = this.#entries.get(mapKey);
    if (!entry) {
      entry = { service, entitySet, key: identity.key, create: 0, update: 0, delete: 0 };
      if (identity.id !== undefined) entry.id = identity.id;
      this.#entries.set(mapKey, entry);
    } else {
      entry.key = identity.key;
    }
    entry[action] += 1;
    const counted = entry;
    undo.record(() => {
      counted[action] -= 1;
      if (counted.create + counted.update + counted.delete === 0) this.#entries.delete(mapKey);
    });
  }

  entries(): WriteLogEntry[] {
    return [...this.#entries.values()].map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries.clear();
  }
}
