import type { EntityDefinition, EntityLookup, FinOpsEntityRow } from './EntityDefinition.js';
import { missingCustomers, noYes, text } from './entityFields.js';

/** The contact person's primary address, as `ContactPersonsV2` (smmContactPersonV2Entity) names it. */
const PRIMARY_ADDRESS_FIELDS = [
  'PrimaryAddressStreet',
  'PrimaryAddressCity',
  'PrimaryAddressStateId',
  'PrimaryAddressCountyId',
  'PrimaryAddressZipCode',
] as const;
const COUNTRY_FIELD = 'PrimaryAddressCountryRegionISOCode';

/**
 * F&O's checks on a contact person write, as Infolog lines: the customer must exist; an address
 * needs its country ("Address Country region code is required in Finance and Operations", as
 * Microsoft's Contacts template document says), which must be a known country; and the
 * Decision value must exist in F&O ("Make sure that a value for the following field exists").
 */
function validateContactPerson(row: FinOpsEntityRow, lookup: EntityLookup, sent: ReadonlySet<string>): string[] {
  const entries = missingCustomers(row, lookup, ['CustomerAccount']);
  const value = (field: string): string => String(row[field] ?? '').trim();
  const company = String(row['dataAreaId']);
  const country = value(COUNTRY_FIELD);
  const hasAddress = PRIMARY_ADDRESS_FIELDS.some((field) => value(field) !== '');
  if (hasAddress && country === '') entries.push(`Field 'Country/region' must be filled in.`);
  // The same shape check the emulator's CustomersV3 makes: an ISO 3166 alpha-3 code.
  if (sent.has(COUNTRY_FIELD) && country !== '' && !/^[A-Z]{3}$/.test(country)) {
    entries.push(
      `The value '${country}' in field 'Country/region' is not found in the relating table 'Country/region'.`,
    );
  }
  const decision = value('DecisionMakingRoleCode');
  if (
    sent.has('DecisionMakingRoleCode') &&
    decision !== '' &&
    !lookup.hasReference('decisionRoles', company, decision)
  ) {
    entries.push(`The value '${decision}' in field 'Decision' is not found in the relating table 'Decision'.`);
  }
  return entries;
}

/** Contact persons of customers (the Contacts templates' F&O side). */
export const CONTACT_PERSONS: EntityDefinition = {
  entitySet: 'ContactPersonsV2',
  typeName: 'ContactPersonV2',
  tableType: 'ContactPersonV2Entity',
  tableLabel: 'Contact persons (ContactPerson)',
  keyFields: ['ContactPersonId'],
  fields: {
    ContactPersonId: text('Contact person ID', { required: true }),
    FirstName: text('First name'),
    LastName: text('Last name', { required: true }),
    CustomerAccount: text('Customer account', { required: true }),
    JobTitle: text('Job title'),
    PrimaryEmailAddress: text('Email'),
    PrimaryPhoneNumber: text('Telephone'),
    PrimaryAddressStreet: text('Street'),
    PrimaryAddressCity: text('City'),
    PrimaryAddressStateId: text('State'),
    PrimaryAddressCountyId: text('County'),
    PrimaryAddressZipCode: text('ZIP/postal code'),
    PrimaryAddressCountryRegionISOCode: text('Country/region'),
    DecisionMakingRoleCode: text('Decision'),
    IsContactPersonExternallyMaintained: noYes('Is externally maintained'),
  },
  validate: validateContactPerson,
};
