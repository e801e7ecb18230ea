import { rmSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BenchResult } from './bench/BenchResult.js';
import { runBench } from './bench/runBench.js';
import { BENCH_USAGE, BenchUsageError, parseBenchArguments, type BenchSize } from './cli/benchArguments.js';
import { ChildProcesses } from './process/ChildProcesses.js';
import type { RssComparison } from './report/checkTargets.js';
import { renderResult } from './report/renderResult.js';

const RESULTS_FOLDER = 'bench-results';

const children = new ChildProcesses();
/** The run's temporary folder, removed on a signal too (unless --keep). */
let tempFolder: string | null = null;
process.on('exit', () => children.killAllNow());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`${signal}: stopping the bench and its child processes\n`);
    void children.stopAll().finally(() => {
      if (tempFolder) rmSync(tempFolder, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  });
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** The newest earlier result of the other big size in bench-results/, for the RSS comparison. */
async function findComparison(size: BenchSize): Promise<RssComparison | null> {
  const other = size === '100k' ? '1m' : size === '1m' ? '100k' : null;
  if (other === null) return null;
  const files = await readdir(RESULTS_FOLDER).catch(() => [] as string[]);
  const newest = files
    .filter((file) => file.startsWith(`bench-${other}-`) && file.endsWith('.json'))
    .sort()
    .at(-1);
  if (!newest) return null;
  try {
    const earlier = JSON.parse(await readFile(join(RESULTS_FOLDER, newest), 'utf8')) as Partial<BenchResult>;
    return { size: other, peakRssBytes: earlier.full?.peakRssBytes ?? null, file: join(RESULTS_FOLDER, newest) };
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BenchUsageError) {
      process.stderr.write(`pnpm bench: ${error.message}`);
      return 3;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  const out = resolve(args.out ?? join(RESULTS_FOLDER, `bench-${args.size}-${stamp}.json`));
  const comparison = await findComparison(args.size);
  const result = await runBench({
    size: args.size,
    children,
    log,
    keep: args.keep,
    comparison,
    onTempFolder: (path) => {
      if (!args.keep) tempFolder = path;
    },
  });
  process.stdout.write(`\n${renderResult(result)}`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`, 'utf8');
  process.stdout.write(`\nFigures written to ${out}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`pnpm bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  await children.stopAll();
  process.exitCode = 1;
}
