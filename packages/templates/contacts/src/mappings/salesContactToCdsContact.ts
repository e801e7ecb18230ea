import type { Mapping } from '@p2c/core';
import { salesContactToCdsContact as sharedContactToCdsContact } from '@p2c/prospect-to-cash';

/**
 * Source > CDS: the shared contact mapping plus the organization of the contact's company,
 * whose template default Microsoft's document gives: `PrimaryAccount_Organization_OrganizationId`
 * is `ORG001`, as `Organization_OrganizationId` is.
 */
export const salesContactToCdsContact: Mapping = {
  name: sharedContactToCdsContact.name,
  fields: [
    ...sharedContactToCdsContact.fields,
    {
      target: 'PrimaryAccount_Organization_OrganizationId',
      transforms: [{ transformType: 'Default', value: 'ORG001' }],
    },
  ],
};
