import type { z } from 'zod';
import { describeIssue } from './describeIssue.js';
import { EmulatorConfigError } from './EmulatorConfigError.js';

/** Validates a configuration value; throws `EmulatorConfigError` naming each bad field. */
export function parseConfig<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue));
  throw new EmulatorConfigError(
    `Invalid ${source}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`,
    problems,
  );
}
