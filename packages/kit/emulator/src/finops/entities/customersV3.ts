import { COUNTRY_ISO_FIELDS, CUSTOMER_FIELDS, REFERENCE_FIELDS } from '../customerFields.js';
import type { EntityDefinition, EntityFieldDefinition, EntityLookup, FinOpsEntityRow } from './EntityDefinition.js';

const CUSTOMER_ACCOUNT_MAX_LENGTH = 20;
const PARTY_TYPES = ['Organization', 'Person'];

function label(field: string): string {
  return (CUSTOMER_FIELDS as Readonly<Record<string, { readonly label: string }>>)[field]?.label ?? field;
}

function notFound(value: string, field: string, table: string): string {
  return `The value '${value}' in field '${label(field)}' is not found in the relating table '${table}'.`;
}

/**
 * F&O's checks on a customer write, as Infolog lines. validateField runs for the fields the
 * request set; validateWrite then checks the whole row for mandatory fields, as X++ does.
 */
function validateCustomer(row: FinOpsEntityRow, lookup: EntityLookup, sent: ReadonlySet<string>): string[] {
  const entries: string[] = [];
  const text = (field: string): string => String(row[field] ?? '');
  const company = text('dataAreaId');
  const account = text('CustomerAccount');
  if (sent.has('CustomerAccount') && account.length > CUSTOMER_ACCOUNT_MAX_LENGTH) {
    entries.push(
      `The value '${account}' in field 'Customer account' is longer than the ${CUSTOMER_ACCOUNT_MAX_LENGTH} characters the field can hold.`,
    );
  }
  const partyType = text('PartyType');
  if (sent.has('PartyType') && partyType !== '' && !PARTY_TYPES.includes(partyType)) {
    entries.push(`The value '${partyType}' in field 'Party type' is not valid. Use Organization or Person.`);
  }
  for (const [field, reference] of Object.entries(REFERENCE_FIELDS)) {
    const value = text(field);
    if (!sent.has(field) || value === '') continue;
    if (!lookup.hasReference(reference.list, company, value)) entries.push(notFound(value, field, reference.table));
  }
  const invoiceAccount = text('InvoiceAccount');
  if (sent.has('InvoiceAccount') && invoiceAccount !== '') {
    const self = invoiceAccount.toLowerCase() === account.toLowerCase();
    if (!self && !lookup.customer(company, invoiceAccount))
      entries.push(notFound(invoiceAccount, 'InvoiceAccount', 'Customers'));
  }
  for (const field of COUNTRY_ISO_FIELDS) {
    const value = text(field);
    if (sent.has(field) && value !== '' && !/^[A-Z]{3}$/.test(value))
      entries.push(notFound(value, field, 'Country/region'));
  }
  const mandatory = ['CustomerAccount', 'PartyType', 'CustomerGroupId', 'SalesCurrencyCode'];
  // A person's name comes from the person fields; an organization's from OrganizationName.
  if (partyType === 'Organization') mandatory.splice(2, 0, 'OrganizationName');
  if (partyType === 'Person') mandatory.splice(2, 0, 'PersonLastName');
  for (const field of mandatory) {
    if (text(field).trim() === '') entries.push(`Field '${label(field)}' must be filled in.`);
  }
  return entries;
}

/** The stored fields: every CustomersV3 field but dataAreaId, which the engine adds. */
const fields: Record<string, EntityFieldDefinition> = {};
for (const [name, field] of Object.entries(CUSTOMER_FIELDS)) {
  if (name !== 'dataAreaId') fields[name] = field;
}

/**
 * `CustomersV3`, declared like every other data entity. What sets it apart are its hooks:
 * F&O's customer validation (reference lists, party types, mandatory fields by party type),
 * a new party number on create, and a person's name derived from its parts.
 */
export const CUSTOMERS_V3: EntityDefinition = {
  entitySet: 'CustomersV3',
  typeName: 'CustomerV3',
  tableType: 'CustCustomerV3Entity',
  tableLabel: 'Customers (CustTable)',
  keyFields: ['CustomerAccount'],
  fields,
  validate: validateCustomer,
  prepare(row, changes, context) {
    if (context.creating && row['PartyNumber'] === '') row['PartyNumber'] = context.nextPartyNumber();
    // A person's party name is "First Last" unless the write names the party itself.
    const renamed =
      changes['PersonFirstName'] !== undefined ||
      changes['PersonLastName'] !== undefined ||
      changes['PartyType'] !== undefined;
    if (row['PartyType'] !== 'Person' || changes['OrganizationName'] !== undefined || !renamed) return;
    row['OrganizationName'] = [row['PersonFirstName'], row['PersonLastName']]
      .map((part) => String(part ?? ''))
      .filter((part) => part.trim() !== '')
      .join(' ');
  },
};
