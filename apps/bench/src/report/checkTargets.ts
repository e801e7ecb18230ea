import type { BenchResult, TargetCheck } from '../bench/BenchResult.js';

const MB = 1024 * 1024;

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function mb(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`;
}

/** The peak RSS of an earlier result of the other size (100k against 1m), when one is at hand. */
export interface RssComparison {
  size: string;
  peakRssBytes: number | null;
  file: string;
}

/**
 * The project's targets next to what was measured. Shown, never asserted: a bench that
 * misses them still ends normally, so the figures can be tracked over time.
 */
export function checkTargets(result: Omit<BenchResult, 'targets'>, comparison: RssComparison | null): TargetCheck[] {
  const { full, incremental } = result;
  const checks: TargetCheck[] = [
    {
      name: 'sync rate / emulator ceiling',
      target: '>= 80% at 100k',
      measured: `${pct(full.fractionOfCeiling)} (run only: ${full.runFractionOfCeiling === null ? 'n/a' : pct(full.runFractionOfCeiling)})`,
      met: result.size === '100k' ? full.fractionOfCeiling >= 0.8 : null,
    },
    {
      name: 'read requests per 1,000 records (full)',
      target: '<= 1',
      measured: full.readsPer1k.toFixed(2),
      met: full.readsPer1k <= 1,
    },
    {
      name: 'write requests per 1,000 records (full)',
      target: '<= 10 (1 per 100)',
      measured: full.writesPer1k.toFixed(2),
      met: full.writesPer1k <= 10,
    },
    {
      name: 'peak RSS of the sync process',
      target: '< 300 MB',
      measured: mb(full.peakRssBytes),
      met: full.peakRssBytes === null ? null : full.peakRssBytes < 300 * MB,
    },
  ];
  const bigSizes = new Set(['100k', '1m']);
  if (bigSizes.has(result.size)) {
    const ratio =
      comparison?.peakRssBytes && full.peakRssBytes
        ? Math.max(comparison.peakRssBytes, full.peakRssBytes) / Math.min(comparison.peakRssBytes, full.peakRssBytes) -
          1
        : null;
    checks.push({
      name: 'peak RSS, 100k vs 1m',
      target: 'within 20%',
      measured:
        ratio === null || !comparison
          ? 'n/a (run the other size)'
          : `${pct(ratio)} apart (${comparison.size}: ${mb(comparison.peakRssBytes)})`,
      met: ratio === null ? null : ratio <= 0.2,
    });
  }
  checks.push(
    {
      name: 'incremental: records written',
      target: `= changed (${incremental.changed})`,
      measured: String(incremental.written),
      met: incremental.written === incremental.changed,
    },
    {
      name: 'incremental: records read',
      target: `= changed (${incremental.changed})`,
      measured:
        incremental.read === incremental.changed + incremental.writtenBackNotChanged &&
        incremental.writtenBackNotChanged > 0
          ? `${incremental.read} (= ${incremental.changed} changed + ${incremental.writtenBackNotChanged} whose number the full run wrote back)`
          : String(incremental.read),
      met: incremental.read === incremental.changed,
    },
    {
      name: 'incremental: write requests',
      target: `<= ${Math.ceil(incremental.changed / result.settings.batchSize)} (changed / batchSize)`,
      measured: String(incremental.requests.writes),
      met: incremental.requests.writes <= Math.ceil(incremental.changed / result.settings.batchSize),
    },
  );
  return checks;
}
