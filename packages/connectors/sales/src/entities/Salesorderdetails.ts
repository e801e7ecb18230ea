import { z } from 'zod';
import { lookup, number, text } from './columns.js';

/** The Dataverse `salesorderdetails` columns (lookups by navigation name and `_<name>_value`). */
export const salesorderdetailsEntity = z.object({
  salesorderdetailid: text,
  lineitemnumber: number,
  quantity: number,
  priceperunit: number,
  extendedamount: number,
  tax: number,
  shipto_country: text,
  salesorderid: lookup,
  _salesorderid_value: text,
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
