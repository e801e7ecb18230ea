import { z } from 'zod';

/** A collection response: `value` plus the paging and change-tracking annotations. */
export const ODataPageBody = z.looseObject({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
  '@odata.count': z.number().optional(),
});
