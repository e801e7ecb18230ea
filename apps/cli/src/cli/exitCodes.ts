import type { RunOutcome } from '@p2c/core';

/**
 * What the process exit code says. Only Completed is success: a partial run is never
 * reported as one.
 */
export const EXIT = {
  Completed: 0,
  Warning: 1,
  Error: 2,
  /** The configuration or the command line is wrong; nothing ran. */
  Config: 3,
} as const;

export function exitCodeOf(outcome: RunOutcome): number {
  return EXIT[outcome];
}
