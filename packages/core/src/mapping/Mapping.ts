import { z } from 'zod';
import { transformSchema } from './Transform.js';

export const fieldMappingSchema = z.object({
  /** The field produced. */
  target: z.string().min(1),
  /** The input field, a dotted path for expanded lookups (`transactioncurrencyid.isocurrencycode`); none for a constant. */
  source: z.string().min(1).optional(),
  /** Applied in order. */
  transforms: z.array(transformSchema).optional(),
  /**
   * Left out unless the configuration gives this field a value map: value maps are specific to
   * each organization's data (the source document's payment terms, freight terms, ...).
   */
  onlyWithValueMap: z.boolean().optional(),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/** One leg of a task: Source > CDS, or CDS > Destination. Declared, never coded. */
export const mappingSchema = z.object({ name: z.string().min(1), fields: z.array(fieldMappingSchema) });
export type Mapping = z.infer<typeof mappingSchema>;
