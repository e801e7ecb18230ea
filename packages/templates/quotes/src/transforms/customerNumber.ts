import { isBlank, readPath, type NamedTransform } from '@p2c/core';

/** Where a quote's customer key is found: an account's number, else a contact's. */
export const CUSTOMER_KEY_FIELDS = ['customer_account.accountnumber', 'customer_contact.msdyn_contactnumber'] as const;

/**
 * The quote's customer as F&O knows it: Sales' customer lookup points at an account or at a
 * contact, and only the side that holds the id was joined onto the row.
 */
export const customerNumber: NamedTransform = (_value, { record }) => {
  for (const field of CUSTOMER_KEY_FIELDS) {
    const value = readPath(record, field);
    if (!isBlank(value) && (typeof value === 'string' || typeof value === 'number')) return String(value).trim();
  }
  return null;
};
