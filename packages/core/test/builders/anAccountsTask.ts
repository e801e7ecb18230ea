import { z } from 'zod';
import { RecordError } from '../../src/errors/index.js';
import type { NamedTransform } from '../../src/mapping/index.js';
import type { EntityTemplate, NumberSequence, TaskDefinition } from '../../src/templates/index.js';

/** Mappings turn blanks into null, so a required field's message belongs to its type check. */
const required = (message: string) =>
  z.string({ error: (issue) => (issue.input === null || issue.input === undefined ? message : undefined) });

/** A small stand-in for the CDS Account: enough fields to exercise both legs. */
const accountSchema = z.object({
  AccountNumber: required('an account needs an account number').max(20),
  Name: required('an account needs a name').max(20),
  Organization_OrganizationId: z.string().min(1),
  PaymentTerms: z.string().nullable().default(null),
  Country: z.string().nullable().default(null),
});

const accountNumberSequence: NumberSequence = {
  name: 'account-number',
  prefix: 'ACC',
  start: 1000,
  digits: 5,
  suffixLength: 6,
};

const COUNTRIES: Readonly<Record<string, string>> = { 'united states': 'USA', germany: 'DEU' };

const countryRegionCode: NamedTransform = (value, { field }) => {
  if (value === null) return null;
  const code = COUNTRIES[String(value).trim().toLowerCase()];
  if (!code)
    throw new RecordError(`${field}: unknown country '${String(value)}'`, {
      code: 'UNKNOWN_COUNTRY',
      field,
      value: String(value),
    });
  return code;
};

/** Sales accounts > CDS Account > F&O customers, the shape of the accounts template, in small. */
export function anAccountsTask(changes: Partial<TaskDefinition> = {}): TaskDefinition {
  return {
    id: 'Accounts - Account - Customers',
    source: {
      connector: 'sales',
      ref: {
        entity: 'accounts',
        key: ['accountnumber'],
        fields: ['accountnumber', 'name', 'paymenttermscode', 'address1_country'],
      },
    },
    destination: {
      connector: 'finops',
      ref: { entity: 'CustomersV3', key: ['dataAreaId', 'CustomerAccount'], fields: [] },
    },
    canonical: { name: 'Account', schema: accountSchema },
    sourceToCanonical: {
      name: 'Source > CDS',
      fields: [
        { target: 'AccountNumber', source: 'accountnumber' },
        { target: 'Name', source: 'name' },
        { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
        // Option sets travel as their labels, which is what users write value maps against.
        {
          target: 'PaymentTerms',
          source: 'paymenttermscode',
          transforms: [{ transformType: 'ValueMap', valueMap: { '1': 'Net 30', '3': 'Net 45', '': '' } }],
        },
        { target: 'Country', source: 'address1_country' },
      ],
    },
    canonicalToDestination: {
      name: 'CDS > Destination',
      fields: [
        { target: 'CustomerAccount', source: 'AccountNumber' },
        { target: 'OrganizationName', source: 'Name' },
        {
          target: 'dataAreaId',
          source: 'Organization_OrganizationId',
          transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
        },
        { target: 'PaymentTerms', source: 'PaymentTerms', onlyWithValueMap: true },
        {
          target: 'AddressCountryRegionISOCode',
          source: 'Country',
          transforms: [
            { transformType: 'Function', name: 'CountryRegionCode' },
            { transformType: 'Default', value: 'USA' },
          ],
        },
        { target: 'CustomerGroupId', transforms: [{ transformType: 'Default', value: '10' }] },
      ],
    },
    transforms: { CountryRegionCode: countryRegionCode },
    naturalKey: {
      sourceField: 'accountnumber',
      label: 'account number',
      sequence: accountNumberSequence,
      rejectDuplicates: true,
    },
    ...changes,
  };
}

export function anAccountsTemplate(task: TaskDefinition = anAccountsTask()): EntityTemplate {
  return {
    id: 'accounts',
    name: 'Accounts (Sales to Fin and Ops)',
    description: 'Sales accounts to F&O customers',
    preconditions: [],
    tasks: [task],
  };
}
