import { parseArgs } from 'node:util';
import { z } from 'zod';

export const BENCH_SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type BenchSize = keyof typeof BENCH_SIZES;

const argumentsSchema = z.object({
  size: z
    .string()
    .transform((text) => text.toLowerCase())
    .pipe(z.enum(['10k', '100k', '1m'], { error: (issue) => `expected 10k, 100k or 1m, got '${String(issue.input)}'` }))
    .default('10k'),
  out: z.string().trim().min(1, 'expected a file name').optional(),
  keep: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type BenchArguments = z.infer<typeof argumentsSchema>;

/** A wrong command line: the message names the argument (exit 3, as p2c's usage errors). */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export const BENCH_USAGE = `Usage: pnpm bench [--size 10k|100k|1m] [--out FILE] [--keep]

  --size   how many Sales accounts to sync (default 10k)
  --out    where to write the figures as JSON (default bench-results/bench-<size>-<timestamp>.json)
  --keep   keep the temporary folder (seed file, config, state) and print where it is
`;

/** `pnpm bench` arguments, validated; errors name the argument. */
export function parseBenchArguments(argv: readonly string[]): BenchArguments {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        size: { type: 'string' },
        out: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError(`${(error as Error).message.split('\n')[0]}\n\n${BENCH_USAGE}`);
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) throw new Error('The bench arguments were refused without an issue saying why');
    throw new BenchUsageError(`--${issue.path.join('.')}: ${issue.message}\n\n${BENCH_USAGE}`);
  }
  return parsed.data;
}
