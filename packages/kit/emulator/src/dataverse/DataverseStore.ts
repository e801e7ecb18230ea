import { UndoLog } from '../store/UndoLog.js';
import { SalesTables } from './tables/SalesTables.js';
import type { DataverseAccount } from './DataverseAccount.js';
import type { TransactionCurrency } from './TransactionCurrency.js';

/** Dataverse writes `2026-01-01T00:00:00Z`: UTC, whole seconds. */
function dataverseTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A deleted account, remembered for change tracking. */
export interface Tombstone {
  /** Row version taken by the delete. */
  readonly version: number;
  /** When it was deleted (ms since the epoch, by the emulator's clock). */
  readonly at: number;
}

/** The change log: (version, id) pairs in version order; an entry is live while it matches the row or tombstone. */
export interface ChangeLog {
  readonly versions: readonly number[];
  readonly ids: readonly string[];
}

const FIRST_VERSION = 1_000_000;

/**
 * The Sales organisation's tables, in memory. Rows are keyed by lower-case GUID; every change
 * is recorded in the undo log so a `$batch` change set can roll back, and in a change log
 * (with tombstones for deletes) so change tracking can tell what changed since a version.
 */
export class DataverseStore {
  readonly undo = new UndoLog();
  /** The generic tables (contacts, products, quotes…); they share this store's versions and undo log. */
  readonly tables: SalesTables = new SalesTables(this);
  readonly #accounts = new Map<string, DataverseAccount>();
  readonly #currencies = new Map<string, TransactionCurrency>();
  readonly #tombstones = new Map<string, Tombstone>();
  /** Account ids by lower-case account number: the alternate key's index, so a write checks it in O(1). */
  readonly #byNumber = new Map<string, Set<string>>();
  readonly #now: () => Date;
  /** Table-wide row version, like SQL Server's rowversion: only ever grows. */
  #version: number;
  /** Delta tokens below this version are expired (by the admin API, or issued before a reset). */
  #minTokenVersion: number;
  #logVersions: number[] = [];
  #logIds: string[] = [];
  #logSorted = true;
  #sortedIds: string[] | undefined;
  #lastStamp = { second: Number.NaN, text: '' };

  constructor(now: () => Date, startVersion: number = FIRST_VERSION) {
    this.#now = now;
    this.#version = startVersion;
    this.#minTokenVersion = startVersion;
  }

  timestamp(): string {
    const now = this.#now().getTime();
    const second = Math.floor(now / 1000);
    // Rows written in the same second share one string (a million seeded rows, one timestamp).
    if (second !== this.#lastStamp.second) this.#lastStamp = { second, text: dataverseTimestamp(new Date(now)) };
    return this.#lastStamp.text;
  }

  nowMs(): number {
    return this.#now().getTime();
  }

  nextVersion(): number {
    this.#version += 1;
    return this.#version;
  }

  /** The latest version handed out: the anchor of a delta token issued now. */
  currentVersion(): number {
    return this.#version;
  }

  /** Keeps the version counter above a version a seed row brought with it. */
  observeVersion(version: number): void {
    if (version > this.#version) this.#version = version;
  }

  get minTokenVersion(): number {
    return this.#minTokenVersion;
  }

  /** Every delta token issued so far becomes expired. */
  expireDeltaTokens(): void {
    this.#minTokenVersion = this.nextVersion();
  }

  currencies(): TransactionCurrency[] {
    return [...this.#currencies.values()];
  }

  currency(id: string): TransactionCurrency | undefined {
    return this.#currencies.get(id.toLowerCase());
  }

  currencyByIsoCode(code: string): TransactionCurrency | undefined {
    const wanted = code.toLowerCase();
    return this.currencies().find((currency) => currency.isocurrencycode.toLowerCase() === wanted);
  }

  /** The organisation's base currency: the first one it was given. */
  baseCurrency(): TransactionCurrency | undefined {
    return this.#currencies.values().next().value;
  }

  addCurrency(currency: TransactionCurrency): void {
    this.#currencies.set(currency.transactioncurrencyid.toLowerCase(), { modifiedon: this.timestamp(), ...currency });
  }

  accounts(): DataverseAccount[] {
    return [...this.#accounts.values()];
  }

  get accountCount(): number {
    return this.#accounts.size;
  }

  account(id: string): DataverseAccount | undefined {
    return this.#accounts.get(id.toLowerCase());
  }

  /** Rows whose account number equals `value`, ignoring case as SQL Server's collation does. */
  accountsByNumber(value: string): DataverseAccount[] {
    const ids = this.#byNumber.get(value.toLowerCase());
    if (!ids) return [];
    return [...ids].map((id) => {
      const row = this.#accounts.get(id);
      if (!row) throw new Error(`DataverseStore: the account-number index names account ${id}, which is not stored`);
      return row;
    });
  }

  /** Account ids in primary-key order (GUIDs are stored lower-case, so code-unit order is it). */
  accountIdsInKeyOrder(): readonly string[] {
    this.#sortedIds ??= [...this.#accounts.keys()].sort();
    return this.#sortedIds;
  }

  tombstone(id: string): Tombstone | undefined {
    return this.#tombstones.get(id.toLowerCase());
  }

  /** Forgets deletions made before `cutoffMs` (no unexpired token can ask for them). */
  forgetTombstonesBefore(cutoffMs: number): void {
    if (this.undo.active) return;
    for (const [id, tombstone] of this.#tombstones) {
      if (tombstone.at >= cutoffMs) break;
      this.#tombstones.delete(id);
    }
  }

  /** The change log in version order. */
  changeLog(): ChangeLog {
    if (!this.#logSorted) {
      const order = this.#logVersions
        .map((_, index) => index)
        .sort((a, b) => (this.#logVersions[a] ?? 0) - (this.#logVersions[b] ?? 0));
      this.#logVersions = order.map((index) => this.#logVersions[index] ?? 0);
      this.#logIds = order.map((index) => this.#logIds[index] ?? '');
      this.#logSorted = true;
    }
    return { versions: this.#logVersions, ids: this.#logIds };
  }

  putAccount(row: DataverseAccount): void {
    const key = row.accountid.toLowerCase();
    const previous = this.#accounts.get(key);
    const tombstone = this.#tombstones.get(key);
    this.#accounts.set(key, row);
    this.#reindex(key, previous, row);
    if (!previous) this.#sortedIds = undefined;
    // A row created again under a deleted id is a change, not a deletion, from now on.
    if (tombstone) this.#tombstones.delete(key);
    this.#log(row.versionnumber, key);
    this.undo.record(() => {
      this.#reindex(key, row, previous);
      if (previous) this.#accounts.set(key, previous);
      else {
        this.#accounts.delete(key);
        this.#sortedIds = undefined;
      }
      if (tombstone) this.#tombstones.set(key, tombstone);
    });
  }

  deleteAccount(id: string): void {
    const key = id.toLowerCase();
    const previous = this.#accounts.get(key);
    if (!previous) return;
    const previousTombstone = this.#tombstones.get(key);
    this.#accounts.delete(key);
    this.#reindex(key, previous, undefined);
    this.#sortedIds = undefined;
    const tombstone = { version: this.nextVersion(), at: this.nowMs() };
    this.#tombstones.delete(key);
    this.#tombstones.set(key, tombstone);
    this.#log(tombstone.version, key);
    this.undo.record(() => {
      this.#accounts.set(key, previous);
      this.#reindex(key, undefined, previous);
      this.#sortedIds = undefined;
      this.#tombstones.delete(key);
      if (previousTombstone) this.#tombstones.set(key, previousTombstone);
    });
  }

  #reindex(id: string, before: DataverseAccount | undefined, after: DataverseAccount | undefined): void {
    const old = before?.accountnumber?.toLowerCase();
    const now = after?.accountnumber?.toLowerCase();
    if (old === now) return;
    if (old) {
      const holders = this.#byNumber.get(old);
      holders?.delete(id);
      if (holders?.size === 0) this.#byNumber.delete(old);
    }
    if (now) {
      const holders = this.#byNumber.get(now) ?? new Set<string>();
      holders.add(id);
      this.#byNumber.set(now, holders);
    }
  }

  #log(version: number, key: string): void {
    const last = this.#logVersions[this.#logVersions.length - 1];
    if (last !== undefined && version < last) this.#logSorted = false;
    this.#logVersions.push(version);
    this.#logIds.push(key);
    const live = this.#accounts.size + this.#tombstones.size;
    if (this.#logVersions.length > 2 * live + 1024 && !this.undo.active) this.#compactLog();
  }

  /** Keeps only the entries that still describe a row or a tombstone. */
  #compactLog(): void {
    const entries: [number, string][] = [];
    for (const [key, row] of this.#accounts) entries.push([row.versionnumber, key]);
    for (const [key, tombstone] of this.#tombstones) entries.push([tombstone.version, key]);
    entries.sort((a, b) => a[0] - b[0]);
    this.#logVersions = entries.map((entry) => entry[0]);
    this.#logIds = entries.map((entry) => entry[1]);
    this.#logSorted = true;
  }
}
