import { z } from 'zod';
import { noYes, text } from './fields.js';

/** The F&O `ContactPersonsV2` fields. */
export const contactPersonsV2Entity = z.object({
  dataAreaId: text,
  ContactPersonId: text,
  FirstName: text,
  LastName: text,
  CustomerAccount: text,
  JobTitle: text,
  PrimaryEmailAddress: text,
  PrimaryPhoneNumber: text,
  PrimaryAddressStreet: text,
  PrimaryAddressCity: text,
  PrimaryAddressStateId: text,
  PrimaryAddressCountyId: text,
  PrimaryAddressZipCode: text,
  PrimaryAddressCountryRegionISOCode: text,
  DecisionMakingRoleCode: text,
  IsContactPersonExternallyMaintained: noYes,
});
