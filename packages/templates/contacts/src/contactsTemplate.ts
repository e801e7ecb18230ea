import type { EntityTemplate } from '@p2c/core';
import { contactSchema } from '@p2c/cds';
import {
  P2C_TASKS,
  addressStreet,
  contactNumberKey,
  countryRegionCode,
  salesContactColumns,
  salesContactsSource,
} from '@p2c/prospect-to-cash';
import { cdsContactToContactPerson } from './mappings/cdsContactToContactPerson.js';
import { salesContactToCdsContact } from './mappings/salesContactToCdsContact.js';

export const CONTACTS_TASK_ID = 'Contacts';

/**
 * Contacts (Sales to Fin and Ops): Sales contacts that are not customers themselves and work
 * for an account become contact persons of that account's F&O customer.
 */
export const contactsTemplate: EntityTemplate = {
  id: 'contacts',
  name: 'Contacts (Sales to Fin and Ops)',
  description:
    'Contacts in Sales whose company is an account become contact persons of its customer in Finance and Operations (Is Contact Person Externally Maintained = Yes).',
  preconditions: ['accounts'],
  tasks: [
    {
      id: CONTACTS_TASK_ID,
      source: salesContactsSource(salesContactColumns, {
        parentcustomerid_account: {
          column: '_parentcustomerid_value',
          entity: 'accounts',
          idField: 'accountid',
          select: ['accountnumber'],
        },
      }),
      destination: {
        connector: 'finops',
        ref: {
          entity: 'ContactPersonsV2',
          key: ['dataAreaId', 'ContactPersonId'],
          fields: cdsContactToContactPerson.fields.map((f) => f.target),
          options: {},
        },
      },
      canonical: { name: 'CDS Contact', schema: contactSchema },
      sourceToCanonical: salesContactToCdsContact,
      canonicalToDestination: cdsContactToContactPerson,
      transforms: { CountryRegionCode: countryRegionCode, Address1Street: addressStreet('Address1') },
      filters: {
        contactPersonsOnly: {
          description: 'only contacts that are not active customers (Is Active Customer = No)',
          // A contact that never had the flag set reads as null: not a customer.
          where: { field: 'msdyn_isactivecustomer', ne: true },
        },
        companyIsAnAccount: {
          description: 'only contacts whose company is an account',
          where: { field: 'parentcustomerid_account', blank: false },
        },
      },
      parents: [
        {
          name: 'company',
          sourceField: 'parentcustomerid_account.accountnumber',
          tasks: [P2C_TASKS.accounts.customers],
        },
      ],
      naturalKey: contactNumberKey,
    },
  ],
};
