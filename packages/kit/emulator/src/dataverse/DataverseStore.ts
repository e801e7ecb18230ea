import { UndoLog } from '../store/UndoLog.js';
import { ChangeLog, type Tombstone } from './changes/ChangeLog.js';
import { SalesTables } from './tables/SalesTables.js';
import type { DataverseAccount } from './DataverseAccount.js';
import type { TransactionCurrency } from './TransactionCurrency.js';

/** Dataverse writes `2026-01-01T00:00:00Z`: UTC, whole seconds. */
function dataverseTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
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
  /** The accounts' change log and tombstones, for change tracking. */
  readonly accountChanges: ChangeLog = new ChangeLog(
    this.undo,
    () => [...this.#accounts].map(([id, row]): [string, number] => [id, row.versionnumber]),
    () => this.#accounts.size,
  );
  /** Account ids by lower-case account number: the alternate key's index, so a write checks it in O(1). */
  readonly #byNumber = new Map<string, Set<string>>();
  readonly #now: () => Date;
  /** Table-wide row version, like SQL Server's rowversion: only ever grows. */
  #version: number;
  /** Delta tokens below this version are expired (by the admin API, or issued before a reset). */
  #minTokenVersion: number;
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

  putAccount(row: DataverseAccount): void {
    const key = row.accountid.toLowerCase();
    const previous = this.#accounts.get(key);
    this.#accounts.set(key, row);
    this.#reindex(key, previous, row);
    if (!previous) this.#sortedIds = undefined;
    this.undo.record(() => {
      this.#reindex(key, row, previous);
      if (previous) this.#accounts.set(key, previous);
      else {
        this.#accounts.delete(key);
        this.#sortedIds = undefined;
      }
    });
    this.accountChanges.written(key, row.versionnumber);
  }

  deleteAccount(id: string): void {
    const key = id.toLowerCase();
    const previous = this.#accounts.get(key);
    if (!previous) return;
    this.#accounts.delete(key);
    this.#reindex(key, previous, undefined);
    this.#sortedIds = undefined;
    this.undo.record(() => {
      this.#accounts.set(key, previous);
      this.#reindex(key, undefined, previous);
      this.#sortedIds = undefined;
    });
    const tombstone: Tombstone = { version: this.nextVersion(), at: this.nowMs() };
    this.accountChanges.deleted(key, tombstone);
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
}
