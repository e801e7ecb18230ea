import { COUNTRY_ISO_FIELDS, CUSTOMER_FIELDS, REFERENCE_FIELDS } from './customerFields.js';
import type { CustomerField, FinOpsCustomer } from './FinOpsCustomer.js';
import type { FinOpsStore } from './FinOpsStore.js';

const CUSTOMER_ACCOUNT_MAX_LENGTH = 20;
const PARTY_TYPES = ['Organization', 'Person'];

function notFound(value: string, field: CustomerField, table: string): string {
  return `The value '${value}' in field '${CUSTOMER_FIELDS[field].label}' is not found in the relating table '${table}'.`;
}

/**
 * F&O's checks on a customer write, as Infolog lines (empty when the row may be written).
 * validateField runs for the fields the request set; validateWrite then checks the whole row
 * for mandatory fields, as X++ does.
 */
export function validateCustomer(store: FinOpsStore, row: FinOpsCustomer, sent: ReadonlySet<string>): string[] {
  const entries: string[] = [];
  const company = row.dataAreaId;

  if (sent.has('CustomerAccount') && row.CustomerAccount.length > CUSTOMER_ACCOUNT_MAX_LENGTH) {
    entries.push(
      `The value '${row.CustomerAccount}' in field 'Customer account' is longer than the ${CUSTOMER_ACCOUNT_MAX_LENGTH} characters the field can hold.`,
    );
  }
  if (sent.has('PartyType') && row.PartyType !== '' && !PARTY_TYPES.includes(row.PartyType)) {
    entries.push(`The value '${row.PartyType}' in field 'Party type' is not valid. Use Organization or Person.`);
  }
  for (const [field, reference] of Object.entries(REFERENCE_FIELDS) as [
    CustomerField,
    (typeof REFERENCE_FIELDS)['CustomerGroupId'],
  ][]) {
    const value = String(row[field]);
    if (!sent.has(field) || value === '') continue;
    if (!store.hasReference(reference.list, company, value)) entries.push(notFound(value, field, reference.table));
  }
  if (sent.has('InvoiceAccount') && row.InvoiceAccount !== '') {
    const self = row.InvoiceAccount.toLowerCase() === row.CustomerAccount.toLowerCase();
    if (!self && !store.customer(company, row.InvoiceAccount)) {
      entries.push(notFound(row.InvoiceAccount, 'InvoiceAccount', 'Customers'));
    }
  }
  for (const field of COUNTRY_ISO_FIELDS) {
    const value = row[field];
    if (sent.has(field) && value !== '' && !/^[A-Z]{3}$/.test(value)) {
      entries.push(notFound(value, field, 'Country/region'));
    }
  }

  const mandatory: CustomerField[] = ['CustomerAccount', 'PartyType', 'CustomerGroupId', 'SalesCurrencyCode'];
  // A person's name comes from the person fields; an organization's from OrganizationName.
  if (row.PartyType === 'Organization') mandatory.splice(2, 0, 'OrganizationName');
  if (row.PartyType === 'Person') mandatory.splice(2, 0, 'PersonLastName');
  for (const field of mandatory) {
    if (String(row[field]).trim() === '') entries.push(`Field '${CUSTOMER_FIELDS[field].label}' must be filled in.`);
  }
  return entries;
}
