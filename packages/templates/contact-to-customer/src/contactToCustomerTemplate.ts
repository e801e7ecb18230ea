import type { EntityTemplate } from '@p2c/core';
import { contactSchema } from '@p2c/cds';
import { addressStreet, contactNumberKey, countryRegionCode, salesContactsSource } from '@p2c/prospect-to-cash';
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
  // The document asks for Accounts before contacts; a customer made of a contact needs no
  // account, and the quote, order and invoice documents list Accounts "(if used)".
  preconditions: [{ template: 'accounts', ifUsed: true }],
  tasks: [
    {
      id: CONTACT_TO_CUSTOMER_TASK_ID,
      source: salesContactsSource(salesContactColumns),
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
      transforms: { CountryRegionCode: countryRegionCode, Address1Street: addressStreet('Address1') },
      filters: {
        activeCustomersOnly: {
          description: 'only contacts that are active customers (Is Active Customer = Yes)',
          where: { field: 'msdyn_isactivecustomer', eq: true },
        },
      },
      naturalKey: contactNumberKey,
    },
  ],
};
