import type { EntityTemplate } from '@p2c/core';
import { contactSchema } from '@p2c/cds';
import { contactNumberSequence } from '@p2c/sales';
import { cdsContactToContactPerson } from './mappings/cdsContactToContactPerson.js';
import { salesContactColumns, salesContactToCdsContact } from './mappings/salesContactToCdsContact.js';

export const CONTACTS_TASK_ID = 'Contacts';

/** The accounts template's task, whose customers the contact persons belong to. */
export const ACCOUNTS_PARENT_TASK = 'accounts/Accounts - Account - Customers';

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
      source: {
        connector: 'dataverse',
        ref: {
          entity: 'contacts',
          key: ['msdyn_contactnumber'],
          fields: salesContactColumns,
          options: {
            idField: 'contactid',
            // Contacts have no change tracking: changes are read by `modifiedon`.
            changeTracking: false,
            lookups: {
              parentcustomerid_account: {
                column: '_parentcustomerid_value',
                entity: 'accounts',
                idField: 'accountid',
                select: ['accountnumber'],
              },
              transactioncurrencyid: { entity: 'transactioncurrencies', idField: 'transactioncurrencyid', select: ['isocurrencycode'] },
            },
          },
        },
      },
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
      parents: [{ name: 'company', sourceField: 'parentcustomerid_account.accountnumber', tasks: [ACCOUNTS_PARENT_TASK] }],
      naturalKey: {
        sourceField: 'msdyn_contactnumber',
        label: 'contact number',
        sequence: contactNumberSequence,
        rejectDuplicates: true,
      },
    },
  ],
};
