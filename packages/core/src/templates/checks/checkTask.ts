import { checkFilters } from './checkFilters.js';
import { checkMappingSources } from './checkMappingSources.js';
import { checkMappingTargets } from './checkMappingTargets.js';
import { checkTransforms } from './checkTransforms.js';
import { checkValues } from './checkValues.js';
import type { TaskCheckContext } from './TaskCheckContext.js';

/** Every check of one task's declarations (and the configuration's overrides of them). */
export function checkTask(context: TaskCheckContext): void {
  checkMappingTargets(context);
  checkMappingSources(context);
  checkTransforms(context);
  checkFilters(context);
  checkValues(context);
}
