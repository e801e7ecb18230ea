// @p2c/bench is an app (`pnpm bench`); this is what its own test and other tools may reuse.
export type { BenchAccount } from './dataset/BenchAccount.js';
export {
  BENCH_COUNTRY_CODES,
  BENCH_SEED,
  generateBenchAccounts,
  type BenchAccountOptions,
} from './dataset/generateBenchAccounts.js';
export { BENCH_REFERENCE_SEED } from './dataset/benchReferenceSeed.js';
export { writeSeedFile } from './dataset/writeSeedFile.js';
export { readSeedFileChunks, type SeedFileChunks } from './dataset/readSeedFileChunks.js';
export { runBench, type BenchOptions } from './bench/runBench.js';
export type { BenchResult, SyncPassResult, TargetCheck } from './bench/BenchResult.js';
export {
  BENCH_SIZES,
  parseBenchArguments,
  BenchUsageError,
  type BenchArguments,
  type BenchSize,
} from './cli/benchArguments.js';
