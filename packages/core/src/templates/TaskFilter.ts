import type { RecordCondition } from './RecordCondition.js';

/**
 * A rule a record must meet to be synced by its task, as Data Integrator's per-task query
 * filters: `activeQuotes: { description: 'only active quotes', where: { field: 'statecode', eq: 1 } }`.
 * A record that fails any rule is left out, and the run's history says which rule left it out.
 */
export interface TaskFilter {
  /** What the rule keeps, for people: `only quotes that are Active`. */
  description: string;
  where: RecordCondition;
}
