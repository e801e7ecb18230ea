import { z } from 'zod';
import { lookup, number, text } from './columns.js';

/** The Dataverse `invoicedetails` columns (lookups by navigation name and `_<name>_value`). */
export const invoicedetailsEntity = z.object({
  invoicedetailid: text,
  lineitemnumber: number,
  quantity: number,
  priceperunit: number,
  extendedamount: number,
  tax: number,
  invoiceid: lookup,
  _invoiceid_value: text,
  productid: lookup,
  _productid_value: text,
  uomid: lookup,
  _uomid_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
