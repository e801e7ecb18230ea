import type { EntityTemplate } from '@p2c/core';
import { contactSchema } from '@p2c/cds';
import { contactNumberSequence } from '@p2c/sales';
import { countryRegionCode } from '@p2c/template-accounts';
import { cdsContactToCustomer } from './mappings/cdsContactToCustomer.js';
import { salesContactColumns, salesContactToCdsContact } from './mappings/salesContactToCdsContact.js';

export const CONTACT_TO_CUSTOMER_TASK_ID = 'ContactToCustomer';

/**
 * Contacts to Customer (Sales to Fin and Ops): Sales contacts marked Is Active Customer become
 * F&O customers of party type Person, numbered by their contact number.
 */
export const contactToCustomerTemplate: EntityTemplate = {
  id: 'contact-to-customer',
  name: 'Contacts to Customer (Sales to Fin and Ops)',
  description:
    'Contacts in Sales that are active customers become Person customers in Finance and Operations (Is Externally Maintained = Yes).',
  preconditions: ['accounts'],
  tasks: [
    {
      id: CONTACT_TO_CUSTOMER_TASK_ID,
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
              transactioncurrencyid: { entity: 'transactioncurrencies', idField: 'transactioncurrencyid', select: ['isocurrencycode'] },
            },
          },
        },
      },
      destination: {
        connector: 'finops',
        ref: {
          entity: 'CustomersV3',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: cdsContactToCustomer.fields.map((f) => f.target),
          options: {},
        },
      },
      canonical: { name: 'CDS Contact', schema: contactSchema },
      sourceToCanonical: salesContactToCdsContact,
      canonicalToDestination: cdsContactToCustomer,
      transforms: { CountryRegionCode: countryRegionCode },
      filters: {
        activeCustomersOnly: {
          description: 'only contacts that are active customers (Is Active Customer = Yes)',
          where: { field: 'msdyn_isactivecustomer', eq: true },
        },
      },
      naturalKey: {
        sourceField: 'msdyn_contactnumber',
        label: 'contact number',
        // Shared with the Contacts template: a contact gets one number whichever numbers it first.
        sequence: contactNumberSequence,
        rejectDuplicates: true,
      },
    },
  ],
};
