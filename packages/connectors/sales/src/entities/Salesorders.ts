import { z } from 'zod';
import { flag, lookup, number, text } from './columns.js';

/** The Dataverse `salesorders` columns (lookups by navigation name and `_<name>_value`). */
export const salesordersEntity = z.object({
  salesorderid: text,
  ordernumber: text,
  name: text,
  requestdeliveryby: text,
  totalamount: number,
  msdyn_processingstatus: number,
  msdyn_isexternallymaintained: flag,
  billto_country: text,
  shipto_country: text,
  customerid: lookup,
  _customerid_value: text,
  customerid_account: lookup,
  customerid_contact: lookup,
  ownerid: lookup,
  _ownerid_value: text,
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
