import type { Mapping } from '@p2c/core';
import {
  salesContactColumns as contactColumns,
  salesContactToCdsContact as contactToCdsContact,
} from '@p2c/prospect-to-cash';

/** Sales contact columns read for the task (besides `contactid` and the currency lookup): the shared contact columns, address 1 included. */
export const salesContactColumns = [...contactColumns];

/**
 * Source > CDS: the shared contact mapping. This task does not join the company, so the
 * company field is left out rather than mapped from a lookup it never reads.
 */
export const salesContactToCdsContact: Mapping = {
  name: contactToCdsContact.name,
  fields: contactToCdsContact.fields.filter((field) => field.target !== 'ParentCustomer_AccountNumber'),
};
