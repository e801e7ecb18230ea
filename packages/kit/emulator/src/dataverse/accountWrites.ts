import { randomUUID } from 'node:crypto';
import type { DataverseAccount } from './DataverseAccount.js';
import { dataverseFaults } from './DataverseFault.js';
import type { DataverseStore } from './DataverseStore.js';
import type { AccountChanges } from './readAccountPayload.js';

export interface WriteOptions {
  /**
   * Refuse a second row with the same account number, as the active alternate key does for
   * Web API writes. Seeds, tests and the admin API may create the duplicates users meet.
   */
  readonly enforceUniqueNumber: boolean;
  /** Keep createdon/modifiedon/versionnumber given in the changes (seeds and tests only). */
  readonly keepSystemColumns?: boolean;
  /**
   * Accept a row without a name. The Web API's required-name check is the emulator's (see
   * the README); seeds and `sales.accounts.insert` may still create nameless rows.
   */
  readonly allowNameless?: boolean;
}

function emptyAccount(id: string): DataverseAccount {
  return {
    accountid: id,
    name: null,
    accountnumber: null,
    address1_line1: null,
    address1_line2: null,
    address1_line3: null,
    address1_city: null,
    address1_stateorprovince: null,
    address1_postalcode: null,
    address1_country: null,
    address1_county: null,
    address1_freighttermscode: null,
    address1_shippingmethodcode: null,
    address2_line1: null,
    address2_line2: null,
    address2_line3: null,
    address2_city: null,
    address2_stateorprovince: null,
    address2_postalcode: null,
    address2_country: null,
    address2_county: null,
    telephone1: null,
    fax: null,
    emailaddress1: null,
    websiteurl: null,
    description: null,
    numberofemployees: null,
    creditlimit: null,
    creditonhold: false,
    paymenttermscode: null,
    customertypecode: null,
    _transactioncurrencyid_value: null,
    statecode: 0,
    createdon: '',
    modifiedon: '',
    versionnumber: 0,
  };
}

function checkRow(store: DataverseStore, row: DataverseAccount, options: WriteOptions): void {
  if (!options.allowNameless && (row.name === null || row.name.trim() === '')) throw dataverseFaults.required('name');
  if (options.enforceUniqueNumber && row.accountnumber !== null) {
    const clash = store.accountsByNumber(row.accountnumber).some((other) => other.accountid !== row.accountid);
    if (clash) throw dataverseFaults.duplicateAccountNumber();
  }
}

/** Creates a row: new id unless given, base currency by default, a fresh row version. */
export function createAccount(store: DataverseStore, changes: AccountChanges, options: WriteOptions): DataverseAccount {
  const id = (changes.accountid ?? randomUUID()).toLowerCase();
  if (store.account(id)) throw dataverseFaults.duplicateRecord();
  const now = store.timestamp();
  const row: DataverseAccount = {
    ...emptyAccount(id),
    _transactioncurrencyid_value: store.baseCurrency()?.transactioncurrencyid ?? null,
    ...changes,
    accountid: id,
    createdon: now,
    modifiedon: now,
    versionnumber: 0,
  };
  if (options.keepSystemColumns) {
    row.createdon = changes.createdon ?? now;
    row.modifiedon = changes.modifiedon ?? row.createdon;
  }
  if (options.keepSystemColumns && changes.versionnumber !== undefined) {
    row.versionnumber = changes.versionnumber;
    store.observeVersion(changes.versionnumber);
  } else {
    row.versionnumber = store.nextVersion();
  }
  checkRow(store, row, options);
  store.putAccount(row);
  return { ...row };
}

/** Updates the columns given; every update gets a new row version and modifiedon = now. */
export function updateAccount(
  store: DataverseStore,
  id: string,
  changes: AccountChanges,
  options: WriteOptions,
): DataverseAccount {
  const existing = store.account(id);
  if (!existing) throw dataverseFaults.recordNotFound('account', id.toLowerCase());
  const row: DataverseAccount = {
    ...existing,
    ...changes,
    accountid: existing.accountid,
    createdon: existing.createdon,
    modifiedon: store.timestamp(),
    versionnumber: store.nextVersion(),
  };
  checkRow(store, row, options);
  store.putAccount(row);
  return { ...row };
}

export function deleteAccount(store: DataverseStore, id: string): void {
  if (!store.account(id)) throw dataverseFaults.recordNotFound('account', id.toLowerCase());
  store.deleteAccount(id);
}
