import type { Mapping } from '@p2c/core';
import {
  salesContactColumns as contactColumns,
  salesContactToCdsContact as contactToCdsContact,
} from '@p2c/prospect-to-cash';

/** The contact's address 1: a customer has an address, a contact person does not. */
const addressColumns: ReadonlyArray<readonly [column: string, target: string]> = [
  ['address1_line1', 'Address1_Line1'],
  ['address1_city', 'Address1_City'],
  ['address1_stateorprovince', 'Address1_StateOrProvince'],
  ['address1_postalcode', 'Address1_PostalCode'],
  ['address1_country', 'Address1_Country'],
];

/** Sales contact columns read for the task (besides `contactid` and the currency lookup): the Contacts template's and the address. */
export const salesContactColumns = [...contactColumns, ...addressColumns.map(([column]) => column)];

/**
 * Source > CDS: the Contacts template's mapping plus the address. This task does not join the
 * company, so the company field is left out rather than mapped from a lookup it never reads.
 */
export const salesContactToCdsContact: Mapping = {
  name: contactToCdsContact.name,
  fields: [
    ...contactToCdsContact.fields.filter((field) => field.target !== 'ParentCustomer_AccountNumber'),
    ...addressColumns.map(([source, target]) => ({ target, source })),
  ],
};
