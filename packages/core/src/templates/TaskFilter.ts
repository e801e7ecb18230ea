import { z } from 'zod';
import { recordConditionSchema } from './RecordCondition.js';

/**
 * A rule a record must meet to be synced by its task, as Data Integrator's per-task query
 * filters: `activeQuotes: { description: 'only active quotes', where: { field: 'statecode', eq: 1 } }`.
 * A record that fails any rule is left out, and the run's history says which rule left it out.
 */
export const taskFilterSchema = z.object({
  /** What the rule keeps, for people: `only quotes that are Active`. */
  description: z.string(),
  where: recordConditionSchema,
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;
