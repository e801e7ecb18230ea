import type { NaturalKeyPolicy, TaskDefinition } from '@p2c/core';
import { contactNumberSequence } from '../sequences/contactNumberSequence.js';
import type { DataverseLookup } from '../lookups/DataverseLookup.js';

/**
 * Sales `contacts` as both contact templates read them: by `modifiedon` (contacts have no change
 * tracking), with the currency joined; each template adds the columns and lookups it needs.
 */
export function salesContactsSource(
  fields: string[],
  lookups: Readonly<Record<string, DataverseLookup>> = {},
): TaskDefinition['source'] {
  return {
    connector: 'dataverse',
    ref: {
      entity: 'contacts',
      key: ['msdyn_contactnumber'],
      fields,
      options: {
        idField: 'contactid',
        changeTracking: false,
        lookups: {
          ...lookups,
          transactioncurrencyid: {
            entity: 'transactioncurrencies',
            idField: 'transactioncurrencyid',
            select: ['isocurrencycode'],
          },
        },
      },
    },
  };
}

/** The contact number, from the one sequence both templates share: a contact gets one number whichever numbers it first. */
export const contactNumberKey: NaturalKeyPolicy = {
  sourceField: 'msdyn_contactnumber',
  label: 'contact number',
  sequence: contactNumberSequence,
  rejectDuplicates: true,
};
