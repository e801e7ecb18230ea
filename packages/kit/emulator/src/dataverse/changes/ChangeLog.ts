import type { UndoLog } from '../../store/UndoLog.js';

/** A deleted row, remembered for change tracking. */
export interface Tombstone {
  /** Row version taken by the delete. */
  readonly version: number;
  /** When it was deleted (ms since the epoch, by the emulator's clock). */
  readonly at: number;
}

/** The log's entries: (version, key) pairs in version order. */
export interface ChangeEntries {
  readonly versions: readonly number[];
  readonly keys: readonly string[];
}

/**
 * One table's change log: (version, key) pairs, and a tombstone per deleted row. An entry is
 * live while it matches the row's version or its tombstone's, so an undone write needs no log
 * entry removed, only the tombstone it replaced put back.
 */
export class ChangeLog {
  readonly #undo: UndoLog;
  /** The live rows' (key, version) pairs, for compacting the log. */
  readonly #live: () => Iterable<readonly [string, number]>;
  readonly #liveCount: () => number;
  readonly #tombstones = new Map<string, Tombstone>();
  #versions: number[] = [];
  #keys: string[] = [];
  #sorted = true;

  constructor(undo: UndoLog, live: () => Iterable<readonly [string, number]>, liveCount: () => number) {
    this.#undo = undo;
    this.#live = live;
    this.#liveCount = liveCount;
  }

  tombstone(key: string): Tombstone | undefined {
    return this.#tombstones.get(key);
  }

  /** A row was created or changed: a row created again under a deleted key is no longer a deletion. */
  written(key: string, version: number): void {
    const tombstone = this.#tombstones.get(key);
    if (tombstone) {
      this.#tombstones.delete(key);
      this.#undo.record(() => this.#tombstones.set(key, tombstone));
    }
    this.#append(version, key);
  }

  deleted(key: string, tombstone: Tombstone): void {
    const previous = this.#tombstones.get(key);
    // Re-inserted so the map stays in deletion order (forgetting old ones stops at the first young one).
    this.#tombstones.delete(key);
    this.#tombstones.set(key, tombstone);
    this.#undo.record(() => {
      this.#tombstones.delete(key);
      if (previous) this.#tombstones.set(key, previous);
    });
    this.#append(tombstone.version, key);
  }

  /** Forgets deletions made before `cutoffMs` (no unexpired token can ask for them). */
  forgetTombstonesBefore(cutoffMs: number): void {
    if (this.#undo.active) return;
    for (const [key, tombstone] of this.#tombstones) {
      if (tombstone.at >= cutoffMs) break;
      this.#tombstones.delete(key);
    }
  }

  /** The log in version order. */
  entries(): ChangeEntries {
    if (!this.#sorted) {
      const order = this.#versions.map((_, index) => index).sort((a, b) => this.#version(a) - this.#version(b));
      this.#versions = order.map((index) => this.#version(index));
      this.#keys = order.map((index) => this.#keys[index] ?? '');
      this.#sorted = true;
    }
    return { versions: this.#versions, keys: this.#keys };
  }

  #version(index: number): number {
    return this.#versions[index] ?? 0;
  }

  #append(version: number, key: string): void {
    const last = this.#versions[this.#versions.length - 1];
    if (last !== undefined && version < last) this.#sorted = false;
    this.#versions.push(version);
    this.#keys.push(key);
    const live = this.#liveCount() + this.#tombstones.size;
    if (this.#versions.length > 2 * live + 1024 && !this.#undo.active) this.#compact();
  }

  /** Keeps only the entries that still describe a row or a tombstone. */
  #compact(): void {
    const entries: [number, string][] = [];
    for (const [key, version] of this.#live()) entries.push([version, key]);
    for (const [key, tombstone] of this.#tombstones) entries.push([tombstone.version, key]);
    entries.sort((a, b) => a[0] - b[0]);
    this.#versions = entries.map((entry) => entry[0]);
    this.#keys = entries.map((entry) => entry[1]);
    this.#sorted = true;
  }
}
