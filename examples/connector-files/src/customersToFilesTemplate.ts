import type { EntityTemplate } from '@p2c/core';
import { z } from 'zod';

export const CUSTOMERS_TASK_ID = 'Customers';

/** The canonical customer between the two legs: a record that fails it fails alone, saying why. */
export const customerSchema = z.object({
  LegalEntity: z.string(),
  AccountNumber: z.string(),
  Name: z.string({ error: 'a customer needs a name (OrganizationName)' }),
  CustomerGroup: z.string().nullable(),
});

/**
 * Customers (Fin and Ops to files): every F&O customer (CustomersV3, every legal entity)
 * becomes a line of `customers.jsonl`, an evidence export that later runs keep up to date.
 */
export const customersToFilesTemplate: EntityTemplate = {
  id: 'customers-to-files',
  name: 'Customers (Fin and Ops to files)',
  description: 'F&O customers become lines of customers.jsonl, one per customer and legal entity.',
  preconditions: [],
  tasks: [
    {
      id: CUSTOMERS_TASK_ID,
      source: {
        connector: 'finops',
        ref: {
          entity: 'CustomersV3',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: ['dataAreaId', 'CustomerAccount', 'OrganizationName', 'CustomerGroupId'],
        },
      },
      destination: {
        connector: 'files',
        ref: {
          entity: 'customers',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: ['dataAreaId', 'CustomerAccount', 'Name', 'CustomerGroup'],
        },
      },
      canonical: { name: 'Customer', schema: customerSchema },
      sourceToCanonical: {
        name: 'F&O CustomersV3 > Customer',
        fields: [
          { source: 'dataAreaId', target: 'LegalEntity' },
          { source: 'CustomerAccount', target: 'AccountNumber' },
          { source: 'OrganizationName', target: 'Name' },
          { source: 'CustomerGroupId', target: 'CustomerGroup' },
        ],
      },
      canonicalToDestination: {
        name: 'Customer > customers.jsonl',
        fields: [
          { source: 'LegalEntity', target: 'dataAreaId' },
          { source: 'AccountNumber', target: 'CustomerAccount' },
          { source: 'Name', target: 'Name' },
          { source: 'CustomerGroup', target: 'CustomerGroup' },
        ],
      },
      naturalKey: {
        sourceField: 'CustomerAccount',
        // One account number may exist in several legal entities: the key holds both.
        compose: (record) =>
          typeof record['dataAreaId'] === 'string' && typeof record['CustomerAccount'] === 'string'
            ? record['dataAreaId'] + '|' + record['CustomerAccount']
            : null,
        label: 'legal entity and customer account',
        rejectDuplicates: false,
      },
    },
  ],
};
