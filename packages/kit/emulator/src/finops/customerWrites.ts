import { emptyCustomer } from './customerFields.js';
import type { FinOpsCustomer } from './FinOpsCustomer.js';
import { FinOpsFault, writeFailed } from './FinOpsFault.js';
import type { FinOpsStore } from './FinOpsStore.js';
import { validateCustomer } from './validateCustomer.js';

/** A person's party name is "First Last" unless the write names the party itself. */
function namePerson(row: FinOpsCustomer, changes: Partial<FinOpsCustomer>): void {
  const renamed =
    changes.PersonFirstName !== undefined || changes.PersonLastName !== undefined || changes.PartyType !== undefined;
  if (row.PartyType !== 'Person' || changes.OrganizationName !== undefined || !renamed) return;
  row.OrganizationName = [row.PersonFirstName, row.PersonLastName].filter((part) => part.trim() !== '').join(' ');
}

function companyOf(store: FinOpsStore, dataAreaId: string | undefined): string {
  const company = (dataAreaId ?? store.defaultCompany).toLowerCase();
  if (!store.isLegalEntity(company)) throw writeFailed([`Company '${company}' does not exist.`]);
  return company;
}

/** POST: validate, refuse a duplicate key, give the row a party number, insert it. */
export function createCustomer(store: FinOpsStore, changes: Partial<FinOpsCustomer>): FinOpsCustomer {
  const dataAreaId = companyOf(store, changes.dataAreaId);
  const row: FinOpsCustomer = { ...emptyCustomer(), ...changes, dataAreaId };
  const entries = validateCustomer(store, row, new Set(Object.keys(changes)));
  if (entries.length > 0) throw writeFailed(entries);
  if (store.customer(dataAreaId, row.CustomerAccount)) {
    throw writeFailed([
      `Cannot create a record in Customers (CustTable). Customer account: ${row.CustomerAccount}, ${dataAreaId}. The record already exists.`,
    ]);
  }
  if (row.PartyNumber === '') row.PartyNumber = store.nextPartyNumber();
  namePerson(row, changes);
  store.putCustomer(row);
  return { ...row };
}

/** PATCH: only the fields sent change; the key fields cannot. */
export function updateCustomer(
  store: FinOpsStore,
  existing: FinOpsCustomer,
  changes: Partial<FinOpsCustomer>,
): FinOpsCustomer {
  const renamed =
    (changes.CustomerAccount !== undefined &&
      changes.CustomerAccount.toLowerCase() !== existing.CustomerAccount.toLowerCase()) ||
    (changes.dataAreaId !== undefined && changes.dataAreaId.toLowerCase() !== existing.dataAreaId);
  if (renamed) {
    throw new FinOpsFault(400, 'The key properties CustomerAccount and dataAreaId cannot be changed by an update.');
  }
  const row: FinOpsCustomer = {
    ...existing,
    ...changes,
    CustomerAccount: existing.CustomerAccount,
    dataAreaId: existing.dataAreaId,
  };
  const sent = new Set(Object.keys(changes).filter((field) => field !== 'CustomerAccount' && field !== 'dataAreaId'));
  const entries = validateCustomer(store, row, sent);
  if (entries.length > 0) throw writeFailed(entries);
  namePerson(row, changes);
  store.putCustomer(row);
  return { ...row };
}
