import { z } from 'zod';

// Every column may come back null (a blank); the type is what a value has when there is one.
export const text = z.string().nullable();
export const number = z.number().nullable();
export const flag = z.boolean().nullable();
/** A lookup's navigation property: the related row when expanded, bound by `@odata.bind` when written. */
export const lookup = z.record(z.string(), z.unknown()).nullable();

/** The ship-to address columns a quote and each of its lines carry (`shipto_*`, `willcall`). */
export const shipToColumns = {
  shipto_name: text,
  shipto_line1: text,
  shipto_line2: text,
  shipto_line3: text,
  shipto_city: text,
  shipto_stateorprovince: text,
  shipto_postalcode: text,
  shipto_country: text,
  shipto_contactname: text,
  shipto_telephone: text,
  shipto_fax: text,
  shipto_freighttermscode: number,
  willcall: flag,
};
