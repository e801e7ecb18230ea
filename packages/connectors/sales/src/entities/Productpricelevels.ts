import { z } from 'zod';
import { lookup, number, text } from './columns.js';

/** The Dataverse `productpricelevels` columns (lookups by navigation name and `_<name>_value`). */
export const productpricelevelsEntity = z.object({
  productpricelevelid: text,
  amount: number,
  productid: lookup,
  _productid_value: text,
  pricelevelid: lookup,
  _pricelevelid_value: text,
  uomid: lookup,
  _uomid_value: text,
  transactioncurrencyid: lookup,
  _transactioncurrencyid_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
