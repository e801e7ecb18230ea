import type { NamedTransform } from '../mapping/index.js';
import { legalEntityTransform } from './legalEntityTransform.js';

/** The transforms the runner gives every task, beyond the task's own: the load-time check reads the names. */
export const RUNNER_TRANSFORMS = ['LegalEntity'] as const;

export function runnerTransforms(
  organizations: Readonly<Record<string, string>>,
): Record<(typeof RUNNER_TRANSFORMS)[number], NamedTransform> {
  return { LegalEntity: legalEntityTransform(organizations) };
}
