import { z } from 'zod';
import { flag, lookup, number, text } from './columns.js';

/** The Dataverse `contacts` columns (lookups by navigation name and `_<name>_value`). */
export const contactsEntity = z.object({
  contactid: text,
  msdyn_contactnumber: text,
  firstname: text,
  lastname: text,
  fullname: text,
  jobtitle: text,
  emailaddress1: text,
  telephone1: text,
  mobilephone: text,
  address1_line1: text,
  address1_city: text,
  address1_stateorprovince: text,
  address1_postalcode: text,
  address1_country: text,
  msdyn_isactivecustomer: flag,
  parentcustomerid: lookup,
  _parentcustomerid_value: text,
  parentcustomerid_account: lookup,
  parentcustomerid_contact: lookup,
  transactioncurrencyid: lookup,
  _transactioncurrencyid_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
