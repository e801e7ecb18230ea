import { z } from 'zod';
import { flag, lookup, number, text } from './columns.js';

/** The Dataverse `products` columns (lookups by navigation name and `_<name>_value`). */
export const productsEntity = z.object({
  productid: text,
  productnumber: text,
  name: text,
  description: text,
  msdyn_isexternallymaintained: flag,
  price: number,
  quantitydecimal: number,
  defaultuomscheduleid: lookup,
  _defaultuomscheduleid_value: text,
  defaultuomid: lookup,
  _defaultuomid_value: text,
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
