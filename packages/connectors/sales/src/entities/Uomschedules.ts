import { z } from 'zod';
import { number, text } from './columns.js';

/** The Dataverse `uomschedules` (unit groups) columns. */
export const uomschedulesEntity = z.object({
  uomscheduleid: text,
  name: text,
  description: text,
  baseuomname: text,
  statecode: number,
  statuscode: number,
  createdon: text,
  modifiedon: text,
  versionnumber: number,
});
