import { UndoLog } from '../store/UndoLog.js';
import type { DataverseAccount } from './DataverseAccount.js';
import type { TransactionCurrency } from './TransactionCurrency.js';

/** Dataverse writes `2026-01-01T00:00:00Z`: UTC, whole seconds. */
export function dataverseTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The Sales organisation's tables, in memory. Rows are keyed by lower-case GUID; every change
 * is recorded in the undo log so a `$batch` change set can roll back.
 */
export class DataverseStore {
  readonly undo = new UndoLog();
  readonly #accounts = new Map<string, DataverseAccount>();
  readonly #currencies = new Map<string, TransactionCurrency>();
  readonly #now: () => Date;
  /** Table-wide row version, like SQL Server's rowversion: only ever grows. */
  #version = 1_000_000;

  constructor(now: () => Date) {
    this.#now = now;
  }

  timestamp(): string {
    return dataverseTimestamp(this.#now());
  }

  nextVersion(): number {
    this.#version += 1;
    return this.#version;
  }

  /** Keeps the version counter above a version a seed row brought with it. */
  observeVersion(version: number): void {
    if (version > this.#version) this.#version = version;
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
    this.#currencies.set(currency.transactioncurrencyid.toLowerCase(), { ...currency });
  }

  accounts(): DataverseAccount[] {
    return [...this.#accounts.values()];
  }

  account(id: string): DataverseAccount | undefined {
    return this.#accounts.get(id.toLowerCase());
  }

  /** Rows whose account number equals `value`, ignoring case as SQL Server's collation does. */
  accountsByNumber(value: string): DataverseAccount[] {
    const wanted = value.toLowerCase();
    return this.accounts().filter((row) => row.accountnumber?.toLowerCase() === wanted);
  }

  putAccount(row: DataverseAccount): void {
    const key = row.accountid.toLowerCase();
    const previous = this.#accounts.get(key);
    this.#accounts.set(key, row);
    this.undo.record(() => {
      if (previous) this.#accounts.set(key, previous);
      else this.#accounts.delete(key);
    });
  }

  deleteAccount(id: string): void {
    const key = id.toLowerCase();
    const previous = this.#accounts.get(key);
    if (!previous) return;
    this.#accounts.delete(key);
    this.undo.record(() => this.#accounts.set(key, previous));
  }
}
