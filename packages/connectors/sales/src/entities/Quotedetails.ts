import { z } from 'zod';
import { flag, lookup, number, shipToColumns, text } from './columns.js';

/** The Dataverse `quotedetails` columns (lookups by navigation name and `_<name>_value`). */
export const quotedetailsEntity = z.object({
  quotedetailid: text,
  lineitemnumber: number,
  quantity: number,
  priceperunit: number,
  ispriceoverridden: flag,
  baseamount: number,
  manualdiscountamount: number,
  tax: number,
  extendedamount: number,
  requestdeliveryby: text,
  ...shipToColumns,
  quoteid: lookup,
  _quoteid_value: text,
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
