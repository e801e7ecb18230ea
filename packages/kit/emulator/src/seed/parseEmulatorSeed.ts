import type { z } from 'zod';
import { describeIssue, formatIssuePath } from '../config/describeIssue.js';
import { checkSeedAccount } from './checkSeedAccount.js';
import {
  buildSeedSchema,
  duplicateAccountIds,
  type EmulatorSeed,
  type SeedAccount,
  type SeedContext,
} from './emulatorSeedSchema.js';

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

/** Validates a seed (for example parsed JSON); throws `EmulatorSeedError` naming each bad field. */
export function parseEmulatorSeed(value: unknown, source = 'seed', existing?: SeedContext): EmulatorSeed {
  const input = value ?? {};
  const accounts = accountsOf(input);
  if (accounts === undefined) return finish(buildSeedSchema(existing).safeParse(input), source);

  // Large seeds: rows of plain values skip zod; only the others (currency links, doubtful
  // values) go through the schema, whose issues are mapped back to the rows' positions.
  const checked = accounts.map(checkSeedAccount);
  const slow: number[] = [];
  checked.forEach((row, index) => {
    if (row === undefined) slow.push(index);
  });
  const sales = (input as { sales: Record<string, unknown> }).sales;
  const rest = {
    ...(input as Record<string, unknown>),
    sales: { ...sales, accounts: slow.map((index) => accounts[index]) },
  };
  const result = buildSeedSchema(existing, false).safeParse(rest);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'sales' && issue.path[1] === 'accounts' && typeof issue.path[2] === 'number') {
        issue.path[2] = slow[issue.path[2]] ?? issue.path[2];
      }
    }
    return finish(result, source);
  }
  const parsedSlow = result.data.sales?.accounts ?? [];
  slow.forEach((index, position) => {
    checked[index] = parsedSlow[position];
  });
  const merged = checked as SeedAccount[];
  const duplicates = duplicateAccountIds(merged);
  if (duplicates.length > 0)
    fail(
      duplicates.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
      source,
    );
  return { ...result.data, sales: { ...result.data.sales, accounts: merged } };
}

function accountsOf(input: unknown): readonly unknown[] | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const sales = (input as { sales?: unknown }).sales;
  if (typeof sales !== 'object' || sales === null) return undefined;
  const accounts = (sales as { accounts?: unknown }).accounts;
  return Array.isArray(accounts) ? accounts : undefined;
}

function finish(result: z.ZodSafeParseResult<EmulatorSeed>, source: string): EmulatorSeed {
  if (result.success) return result.data;
  return fail(
    result.error.issues.map((issue) => describeIssue(issue)),
    source,
  );
}

function fail(problems: string[], source: string): never {
  throw new EmulatorSeedError(`Invalid ${source}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`, problems);
}
