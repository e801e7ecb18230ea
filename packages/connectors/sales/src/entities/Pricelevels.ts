import { z } from 'zod';
import { lookup, number, text } from './columns.js';

/** The Dataverse `pricelevels` columns (lookups by navigation name and `_<name>_value`). */
export const pricelevelsEntity = z.object({
  pricelevelid: text,
  name: text,
  transactioncurrencyid: lookup,
  _transactioncurrencyid_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
