import { z } from 'zod';
import { flag, lookup, number, text } from './columns.js';

/** The Dataverse `uoms` columns (lookups by navigation name and `_<name>_value`). */
export const uomsEntity = z.object({
  uomid: text,
  name: text,
  quantity: number,
  isschedulebaseuom: flag,
  uomscheduleid: lookup,
  _uomscheduleid_value: text,
  baseuom: lookup,
  _baseuom_value: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
