import type { z } from 'zod';
import { buildSeedSchema, emulatorSeedSchema, type EmulatorSeed, type SeedContext } from './emulatorSeedSchema.js';

/** A seed that does not fit the schema; the message lists each problem with its field path. */
export class EmulatorSeedError extends Error {
  override readonly name = 'EmulatorSeedError';

  constructor(
    message: string,
    readonly problems: readonly string[],
    /** `conflict` when a seed added to running data collides with rows already there. */
    readonly kind: 'invalid' | 'conflict' = 'invalid',
  ) {
    super(message);
  }
}

/** `['sales', 'accounts', 3, 'name']` -> `sales.accounts[3].name` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const name = String(segment);
    return text === '' ? name : `${text}.${name}`;
  }, '');
}

function describe(issue: z.core.$ZodIssue): string {
  const path = formatIssuePath(issue.path);
  // zod words a type mismatch "Invalid input: expected string, received number".
  const message = issue.message.replace(/^Invalid input: /, '');
  return path === '' ? message : `${path}: ${message}`;
}

/** Validates a seed (for example parsed JSON); throws `EmulatorSeedError` naming each bad field. */
export function parseEmulatorSeed(value: unknown, source = 'seed', existing?: SeedContext): EmulatorSeed {
  const schema = existing ? buildSeedSchema(existing) : emulatorSeedSchema;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(describe);
  throw new EmulatorSeedError(`Invalid ${source}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`, problems);
}
