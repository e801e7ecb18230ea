import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { measureCeiling } from '../ceiling/measureCeiling.js';
import { measureSalesRead, measureWriteBack } from '../ceiling/measureSalesParts.js';
import { fetchToken } from '../http/fetchToken.js';
import { BENCH_SIZES, type BenchSize } from '../cli/benchArguments.js';
import { BENCH_SEED, generateBenchAccounts } from '../dataset/generateBenchAccounts.js';
import { readSeedFileChunks } from '../dataset/readSeedFileChunks.js';
import { writeSeedFile } from '../dataset/writeSeedFile.js';
import { EmulatorProcess } from '../emulator/EmulatorProcess.js';
import { NO_REQUESTS, requestTotals, type EmulatorRequestCounts } from '../emulator/requestTotals.js';
import { changeAccounts, isChangedForIncremental } from '../incremental/changeAccounts.js';
import type { ChildProcesses } from '../process/ChildProcesses.js';
import { checkTargets, type RssComparison } from '../report/checkTargets.js';
import { prepareSyncFolder, type SyncFolder } from '../sync/prepareSyncFolder.js';
import { runP2c } from '../sync/runP2c.js';
import type { BenchResult, SyncPassResult } from './BenchResult.js';

export interface BenchOptions {
  size: BenchSize;
  children: ChildProcesses;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  keep: boolean;
  /** An earlier result of the other big size, for the RSS comparison. */
  comparison?: RssComparison | null;
  /** Told the temporary folder as soon as it exists (so a signal handler can remove it). */
  onTempFolder?: (path: string) => void;
}

/** The sync's settings for the bench (the brief's: big pages, the default batch). */
const SETTINGS = { pageSize: 5000, batchSize: 100 } as const;
/** Shaped like the sync's writes: 100 records a batch, change sets of 10, 4 in flight (its defaults). */
const CEILING_SHAPE = { batchSize: 100, changesetSize: 10, concurrency: 4 } as const;
const SEED_CHUNK = 10_000;
/** Sales writes cost the emulator more as the table grows: the write-back is timed on a sample. */
const WRITE_BACK_SAMPLE = 500;

/**
 * The whole bench: dataset and seed file; the emulator's ceiling in one emulator process; the
 * full sync, then 1% changed and an incremental sync, against a fresh one. Every child process
 * is stopped before it returns or throws.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { children, log } = options;
  const records = BENCH_SIZES[options.size];
  const accounts = () => generateBenchAccounts({ count: records, seed: BENCH_SEED });
  const startedAt = new Date().toISOString();
  const folder = await mkdtemp(join(tmpdir(), `p2c-bench-${options.size}-`));
  options.onTempFolder?.(folder);
  // The emulator keeps everything in memory; 1M accounts plus 1M customers need several GB.
  const maxOldSpaceMb = records >= 1_000_000 ? 16_384 : 4096;
  const startTimeoutMs = 120_000;
  let emulator: EmulatorProcess | null = null;
  try {
    const t = performance.now();
    const seedFile = join(folder, 'seed.json');
    let withoutAccountNumber = 0;
    let writtenBackNotChanged = 0;
    const written = await writeSeedFile(
      seedFile,
      (function* counted() {
        let position = 0;
        for (const account of accounts()) {
          if (account.accountnumber === null) {
            withoutAccountNumber += 1;
            if (!isChangedForIncremental(position)) writtenBackNotChanged += 1;
          }
          position += 1;
          yield account;
        }
      })(),
    );
    const generateMs = performance.now() - t;
    log(
      `dataset: ${records.toLocaleString('en-US')} accounts, ${(written.bytes / 1024 / 1024).toFixed(1)} MB seed file in ${(generateMs / 1000).toFixed(1)} s (${folder})`,
    );

    const seeding: number[] = [];
    const startSeeded = async (purpose: string): Promise<EmulatorProcess> => {
      const begun = performance.now();
      const { reference, chunks } = await readSeedFileChunks(seedFile, SEED_CHUNK);
      const referenceFile = join(folder, 'reference-seed.json');
      await writeFile(referenceFile, JSON.stringify(reference), 'utf8');
      const started = await EmulatorProcess.start({ children, seedFile: referenceFile, maxOldSpaceMb, startTimeoutMs });
      try {
        for await (const chunk of chunks)
          await started.client.json('POST', '/_emulator/seed', { body: chunk.body, timeoutMs: 300_000 });
        const health = await started.client.json<{ sales: { accounts: number } }>('GET', '/_emulator/health');
        if (health.sales.accounts !== records)
          throw new Error(`the emulator holds ${health.sales.accounts} accounts after seeding, not ${records}`);
      } catch (error) {
        await started.stop();
        throw error;
      }
      seeding.push(performance.now() - begun);
      log(
        `${purpose}: emulator pid ${started.pid} at ${started.url}, seeded in ${((performance.now() - begun) / 1000).toFixed(1)} s`,
      );
      return started;
    };

    // 1. The ceiling, in an emulator of its own: the sync then starts from an empty F&O.
    emulator = await startSeeded('ceiling');
    const ceiling = await measureCeiling(emulator.client, accounts(), CEILING_SHAPE);
    log(
      `ceiling: ${ceiling.succeeded.toLocaleString('en-US')} records in ${(ceiling.elapsedMs / 1000).toFixed(1)} s = ${Math.round(ceiling.recordsPerSecond).toLocaleString('en-US')} records/s`,
    );
    if (ceiling.succeeded !== records)
      log(`ceiling: ${records - ceiling.succeeded} writes failed: ${ceiling.problems.join(' | ')}`);
    // The rest of the job on the emulator's side, to explain the gap: the Sales read and the write-back.
    emulator.client.resetConnections();
    const token = await fetchToken(emulator.client);
    const salesRead = await measureSalesRead(emulator.client, token, SETTINGS.pageSize);
    const writeBack = await measureWriteBack(emulator.client, token, accounts(), WRITE_BACK_SAMPLE);
    const jobSeconds =
      records / salesRead.recordsPerSecond +
      writeBack.withoutNumber / writeBack.recordsPerSecond +
      records / ceiling.recordsPerSecond;
    const jobCeiling = records / jobSeconds;
    log(
      `emulator, other parts: Sales read ${Math.round(salesRead.recordsPerSecond).toLocaleString('en-US')} records/s, ` +
        `write-back ${Math.round(writeBack.recordsPerSecond).toLocaleString('en-US')} records/s (${writeBack.records} of ${writeBack.withoutNumber}); ` +
        `whole job ${Math.round(jobCeiling).toLocaleString('en-US')} records/s`,
    );
    await emulator.stop();
    emulator = null;

    // 2. The full sync against a fresh emulator.
    emulator = await startSeeded('sync');
    const syncFolder = await prepareSyncFolder(join(folder, 'sync'), emulator.url, SETTINGS, children);
    const fullTimeoutMs = Math.max(180_000, records * 8);
    const full = await syncPass(
      emulator,
      syncFolder,
      ['run', 'accounts', '--json', '--full'],
      fullTimeoutMs,
      children,
      false,
    );
    const fullRate = records / (full.wallMs / 1000);
    const runRate = full.runMs === null ? null : records / (full.runMs / 1000);
    log(
      `full run: ${full.status ?? `exit ${full.exitCode}`} in ${(full.wallMs / 1000).toFixed(1)} s wall = ${Math.round(fullRate).toLocaleString('en-US')} records/s`,
    );

    // 3. 1% changed in Sales, then an incremental run, counted from zero.
    const change = await changeAccounts(emulator.client, accounts());
    log(
      `changed ${change.changed.toLocaleString('en-US')} accounts in Sales in ${(change.elapsedMs / 1000).toFixed(1)} s`,
    );
    const incremental = await syncPass(
      emulator,
      syncFolder,
      ['run', 'accounts', '--json'],
      Math.max(120_000, records * 2),
      children,
      true,
    );
    const counts = incremental.counts ?? {};
    log(
      `incremental run: ${incremental.status ?? `exit ${incremental.exitCode}`}, read ${counts['read'] ?? 'n/a'}, wrote ${(counts['created'] ?? 0) + (counts['updated'] ?? 0)}`,
    );
    await emulator.stop();
    emulator = null;

    const per1k = (value: number) => (value / records) * 1000;
    const result: Omit<BenchResult, 'targets'> = {
      size: options.size,
      records,
      startedAt,
      environment: {
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
      },
      settings: { ...SETTINGS },
      dataset: { seed: BENCH_SEED, seedFileBytes: written.bytes, generateMs, withoutAccountNumber },
      seeding: { chunkSize: SEED_CHUNK, ms: seeding },
      ceiling,
      ceilingParts: { salesRead, writeBack, jobRecordsPerSecond: jobCeiling },
      full: {
        ...full,
        recordsPerSecond: fullRate,
        runRecordsPerSecond: runRate,
        fractionOfCeiling: fullRate / ceiling.recordsPerSecond,
        runFractionOfCeiling: runRate === null ? null : runRate / ceiling.recordsPerSecond,
        fractionOfJobCeiling: fullRate / jobCeiling,
        readsPer1k: per1k(full.requests.reads),
        writesPer1k: per1k(full.requests.writes),
        batchOperationsPer1k: per1k(full.requests.batchOperations),
      },
      incremental: {
        ...incremental,
        changed: change.changed,
        written: (counts['created'] ?? 0) + (counts['updated'] ?? 0),
        read: counts['read'] ?? 0,
        writtenBackNotChanged,
      },
    };
    return { ...result, targets: checkTargets(result, options.comparison ?? null) };
  } catch (error) {
    if (emulator && error instanceof Error) error.message += `\n${emulator.describe()}`;
    throw error;
  } finally {
    await emulator?.stop();
    if (options.keep) log(`kept ${folder}`);
    else await rm(folder, { recursive: true, force: true });
  }
}

/** One `p2c run`, with the emulator's request counts around it (reset to zero first when asked). */
async function syncPass(
  emulator: EmulatorProcess,
  folder: SyncFolder,
  args: string[],
  timeoutMs: number,
  children: ChildProcesses,
  resetCounts: boolean,
): Promise<SyncPassResult> {
  if (resetCounts) await emulator.client.send('DELETE', '/_emulator/requests');
  const before = resetCounts
    ? NO_REQUESTS
    : await emulator.client.json<EmulatorRequestCounts>('GET', '/_emulator/requests');
  const run = await runP2c([...args, '-c', folder.configFile], {
    children,
    cwd: folder.cwd,
    env: folder.env,
    timeoutMs,
  });
  const after = await emulator.client.json<EmulatorRequestCounts>('GET', '/_emulator/requests');
  const summary = parseSummary(run.stdout);
  if (summary === null || run.exitCode === 2 || run.exitCode === 3 || run.exitCode === null) {
    throw new Error(
      `p2c ${args.join(' ')} exited ${run.exitCode ?? run.signal} without a usable summary\n${run.stderrTail.trim()}\n${run.stdout.slice(0, 2000)}`,
    );
  }
  return {
    exitCode: run.exitCode,
    status: summary.status ?? null,
    counts: summary.counts ?? null,
    runMs: typeof summary.durationMs === 'number' ? summary.durationMs : null,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    requests: requestTotals(before, after),
    failures: (summary.failures ?? []).slice(0, 10),
  };
}

/** The parts of p2c's RunSummary (`--json`) the bench reads. */
/** The figures the bench reads from the summary `p2c run --json` prints; the rest is left out. */
const summaryFiguresSchema = z.object({
  status: z.string().nullish(),
  counts: z.record(z.string(), z.number()).nullish(),
  durationMs: z.number().nullish(),
  failures: z.array(z.unknown()).nullish(),
});
type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

function parseSummary(stdout: string): SummaryFigures | null {
  try {
    const value: unknown = JSON.parse(stdout);
    const figures = summaryFiguresSchema.safeParse(value);
    return figures.success ? figures.data : null;
  } catch {
    return null;
  }
}
