/** The fields of the emulator's per-service request counts the bench uses (`GET /_emulator/requests`). */
interface ServiceCounts {
  reads: number;
  writes: number;
  batches: number;
  batchOperations: number;
  total: number;
  /** Answered 429 by service protection (reported by emulators that have it). */
  throttled?: number;
}

export type EmulatorRequestCounts = Record<'sales' | 'finops' | 'auth', ServiceCounts>;

const FIELDS = ['reads', 'writes', 'batches', 'batchOperations', 'total', 'throttled'] as const;

export const NO_REQUESTS: EmulatorRequestCounts = { sales: zero(), finops: zero(), auth: zero() };

function zero(): ServiceCounts {
  return { reads: 0, writes: 0, batches: 0, batchOperations: 0, total: 0, throttled: 0 };
}

/** HTTP requests to Sales and F&O together, as the bench reports them. */
export interface RequestTotals {
  /** GET requests (pages, lookups). */
  reads: number;
  /** Write requests: each `$batch` counts once, plus single POST/PATCH/DELETE requests. */
  writes: number;
  /** `$batch` requests (already in `writes`). */
  batches: number;
  /** Operations carried inside the `$batch`es. */
  batchOperations: number;
  /** Requests answered 429 (service protection), when the emulator reports them. */
  throttled: number;
  /** Token requests to the Entra ID endpoint (not in reads or writes). */
  tokens: number;
  /** The emulator's own counters, per service, for the record. */
  raw: { sales: ServiceCounts; finops: ServiceCounts };
}

function minus(after: ServiceCounts, before: ServiceCounts): ServiceCounts {
  const out = zero();
  for (const field of FIELDS) out[field] = (after[field] ?? 0) - (before[field] ?? 0);
  return out;
}

/**
 * The requests between two `GET /_emulator/requests` snapshots. The emulator counts each
 * operation inside a `$batch` as a read or a write too; p2c's batches hold only writes, so
 * HTTP writes = writes - batchOperations + batches, and HTTP reads = reads.
 */
export function requestTotals(before: EmulatorRequestCounts, after: EmulatorRequestCounts): RequestTotals {
  const sales = minus(after.sales, before.sales);
  const finops = minus(after.finops, before.finops);
  const sum = (field: (typeof FIELDS)[number]) => (sales[field] ?? 0) + (finops[field] ?? 0);
  return {
    reads: sum('reads'),
    writes: sum('writes') - sum('batchOperations') + sum('batches'),
    batches: sum('batches'),
    batchOperations: sum('batchOperations'),
    throttled: sum('throttled'),
    tokens: after.auth.total - before.auth.total,
    raw: { sales, finops },
  };
}
