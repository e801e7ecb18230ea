import type { EntityDefinition } from './EntityDefinition.js';
import { missingCustomers, noYes, text } from './entityFields.js';

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
    IsContactPersonExternallyMaintained: noYes('Is externally maintained'),
  },
  validate: (row, lookup) => missingCustomers(row, lookup, ['CustomerAccount']),
};
