import { z } from 'zod';
import { lookup, number, text } from './columns.js';

/** The Dataverse `invoices` columns (lookups by navigation name and `_<name>_value`). */
export const invoicesEntity = z.object({
  invoiceid: text,
  invoicenumber: text,
  name: text,
  totalamount: number,
  duedate: text,
  billto_country: text,
  customerid: lookup,
  _customerid_value: text,
  customerid_account: lookup,
  customerid_contact: lookup,
  ownerid: lookup,
  _ownerid_value: text,
  salesorderid: lookup,
  _salesorderid_value: text,
  pricelevelid: lookup,
  _pricelevelid_value: text,
  transactioncurrencyid: lookup,
  _transactioncurrencyid_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
