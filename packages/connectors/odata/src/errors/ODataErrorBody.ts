import { z } from 'zod';

/**
 * The OData JSON error body. Dataverse: `{"error":{"code":"0x80044331","message":"..."}}`.
 * F&O: `{"error":{"code":"","message":"An error has occurred.","innererror":{"message":"Write failed ... Infolog: ...","type":"...","stacktrace":"..."}}}`.
 */
export const ODataErrorBody = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innererror: z
      .looseObject({
        message: z.string().optional(),
        type: z.string().optional(),
      })
      .optional(),
  }),
});

export type ODataErrorBody = z.infer<typeof ODataErrorBody>;
