import { z } from 'zod';

// Every column may come back null (a blank); the type is what a value has when there is one.
export const text = z.string().nullable();
export const number = z.number().nullable();
export const flag = z.boolean().nullable();
/** A lookup's navigation property: the related row when expanded, bound by `@odata.bind` when written. */
export const lookup = z.record(z.string(), z.unknown()).nullable();
