import { z } from 'zod';

// Every field may come back null (a blank); the type is what a value has when there is one.
export const text = z.string().nullable();
export const number = z.number().nullable();
/** F&O's NoYes enum, as OData carries it. */
export const noYes = z.enum(['No', 'Yes']).nullable();
export const oneOf = (...values: [string, ...string[]]) => z.enum(values).nullable();
