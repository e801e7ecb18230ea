import { z } from 'zod';
import { flag, lookup, number, shipToColumns, text } from './columns.js';

/** The Dataverse `quotes` columns (lookups by navigation name and `_<name>_value`). */
export const quotesEntity = z.object({
  quoteid: text,
  quotenumber: text,
  name: text,
  requestdeliveryby: text,
  description: text,
  totalamount: number,
  msdyn_hasexternallymaintainedproductsonly: flag,
  paymenttermscode: number,
  freighttermscode: number,
  shippingmethodcode: number,
  ...shipToColumns,
  customerid: lookup,
  _customerid_value: text,
  customerid_account: lookup,
  customerid_contact: lookup,
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
