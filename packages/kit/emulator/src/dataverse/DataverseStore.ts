import { UndoLog } from '../store/UndoLog.js';
import { SalesTables } from './tables/SalesTables.js';
import type { TransactionCurrency } from './TransactionCurrency.js';

/** Dataverse writes `2026-01-01T00:00:00Z`: UTC, whole seconds. */
function dataverseTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FIRST_VERSION = 1_000_000;

/**
 * The Sales organisation in memory: its tables (accounts among them), currencies, the row
 * version counter and clock they share, and the undo log a `$batch` change set rolls back with.
 */
export class DataverseStore {
  readonly undo = new UndoLog();
  /** The tables (accounts, contacts, products, quotes…); they share this store's versions and undo log. */
  readonly tables: SalesTables = new SalesTables(this);
  readonly #currencies = new Map<string, TransactionCurrency>();
  readonly #now: () => Date;
  /** Table-wide row version, like SQL Server's rowversion: only ever grows. */
  #version: number;
  /** Delta tokens below this version are expired (by the admin API, or issued before a reset). */
  #minTokenVersion: number;
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
}
