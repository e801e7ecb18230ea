import { z } from 'zod';
import { flag, text } from './columns.js';

/** The Dataverse `systemusers` columns: the users an `ownerid` may point at (teams are the others). */
export const systemusersEntity = z.object({
  systemuserid: text,
  fullname: text,
  domainname: text,
  internalemailaddress: text,
  isdisabled: flag,
  createdon: text,
  modifiedon: text,
  versionnumber: z.number().nullable(),
});
