import type { EntityTemplate } from '@p2c/core';
import { accountSchema } from '@p2c/cds';
import { accountNumberSequence, addressStreet, countryRegionCode } from '@p2c/prospect-to-cash';
import { cdsAccountToCustomer, customerNumberFields } from './mappings/cdsAccountToCustomer.js';
import { salesAccountColumns, salesAccountToCdsAccount } from './mappings/salesAccountToCdsAccount.js';

export const ACCOUNTS_TASK_ID = 'Accounts - Account - Customers';

/** Accounts (Sales to Fin and Ops): Sales accounts become F&O customers through the CDS Account. */
export const accountsTemplate: EntityTemplate = {
  id: 'accounts',
  name: 'Accounts (Sales to Fin and Ops)',
  description: 'Accounts in Sales become Customers in Finance and Operations (Is Externally Maintained = Yes).',
  preconditions: [],
  tasks: [
    {
      id: ACCOUNTS_TASK_ID,
      source: {
        connector: 'dataverse',
        ref: {
          entity: 'accounts',
          key: ['accountnumber'],
          fields: salesAccountColumns,
          options: {
            idField: 'accountid',
            lookups: {
              transactioncurrencyid: {
                entity: 'transactioncurrencies',
                idField: 'transactioncurrencyid',
                select: ['isocurrencycode'],
              },
            },
          },
        },
      },
      destination: {
        connector: 'finops',
        ref: {
          entity: 'CustomersV3',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: cdsAccountToCustomer.fields.map((f) => f.target),
          options: { numberFields: customerNumberFields },
        },
      },
      canonical: { name: 'CDS Account', schema: accountSchema },
      sourceToCanonical: salesAccountToCdsAccount,
      canonicalToDestination: cdsAccountToCustomer,
      transforms: {
        CountryRegionCode: countryRegionCode,
        Address1Street: addressStreet('Address1'),
        Address2Street: addressStreet('Address2'),
      },
      naturalKey: {
        sourceField: 'accountnumber',
        label: 'account number',
        sequence: accountNumberSequence,
        rejectDuplicates: true,
        // An account renumbered in Sales is written under its new number and reported as a key
        // change (the run is a Warning): nothing is held back, and the operator merges the
        // customers or renames the old one with F&O's own rename. F&O does not document renaming
        // a customer account through OData, so 'rename' is refused for CustomersV3.
        onKeyChange: 'report',
      },
    },
  ],
};
