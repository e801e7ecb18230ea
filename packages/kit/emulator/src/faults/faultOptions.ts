import { z } from 'zod';
import { parseConfig } from '../config/parseConfig.js';

const rate = z.number().min(0).max(1);

/**
 * A fault a script can name. `500` answers before anything is applied; `500-after` applies the
 * request, then answers 500 (the "unknown fate" a client must survive without duplicating);
 * `reset` drops the connection without applying, `reset-after` after applying; `timeout`
 * never answers; `slowMs` answers late; `changeset-failure` rolls back one change set of a
 * `$batch` as a whole (500 by default; 400 with `{ changesetFailure: { status: 400 } }`).
 */
const faultSchema = z.union([
  z.enum(['503', '500', '500-after', 'reset', 'reset-after', 'timeout', 'changeset-failure']),
  z.strictObject({ slowMs: z.number().int().nonnegative() }),
  z.strictObject({
    changesetFailure: z.strictObject({
      status: z.union([z.literal(400), z.literal(500)]).optional(),
      /** Which change set of the batch fails (0 = the first, the default). */
      changeset: z.number().int().nonnegative().optional(),
    }),
  }),
]);

export type FaultSpec = z.output<typeof faultSchema>;

const scriptEntrySchema = z.strictObject({
  match: z
    .strictObject({
      /** Default: both data services (`sales`, `finops`); `auth` only when named. */
      service: z.enum(['sales', 'finops', 'auth']).optional(),
      method: z.string().min(1).optional(),
      /** The start of the path after the service root: `$batch`, `accounts`, `CustomersV3`. */
      path: z.string().min(1).optional(),
      /**
       * Text the request body holds (a record's key, say): the fault follows that record into
       * whatever request carries it, as a record that breaks every request it is in does.
       */
      bodyContains: z.string().min(1).optional(),
    })
    .optional(),
  fault: faultSchema,
  /** How many matching requests this entry faults before the next entry's turn (default 1). */
  times: z.number().int().positive().optional(),
  /** Matching requests to let through untouched first (default 0). */
  after: z.number().int().nonnegative().optional(),
});

const ratesSchema = z
  .strictObject({
    status503: rate.optional(),
    status500: rate.optional(),
    status500After: rate.optional(),
    reset: rate.optional(),
    resetAfter: rate.optional(),
    timeout: rate.optional(),
    slowMs: z.strictObject({ rate, ms: z.number().int().nonnegative() }).optional(),
    /** Applies to `$batch` requests only. */
    changesetFailure: rate.optional(),
  })
  .refine(
    (rates) =>
      Object.values(rates).reduce<number>(
        // An optional rate given as undefined is kept as a key by zod; Object.values' type leaves undefined out.
        (sum, value: number | { rate: number } | undefined) =>
          sum + (typeof value === 'number' ? value : (value?.rate ?? 0)),
        0,
      ) <= 1,
    { error: 'the rates add up to more than 1' },
  );

/**
 * Fault injection: a script (ordered entries, each consumed by the requests it matches) and/or
 * rates drawn from a seeded random source (the same seed and requests give the same faults).
 */
export const faultOptionsSchema = z.strictObject({
  seed: z.number().int().optional(),
  rates: ratesSchema.optional(),
  /** Services the rates apply to (default both). */
  services: z.array(z.enum(['sales', 'finops'])).optional(),
  script: z.array(scriptEntrySchema).optional(),
  /** How long a `timeout` holds a request before dropping it, unless the client gives up first (default 300000). */
  timeoutMs: z.number().int().positive().optional(),
});

export type FaultOptions = z.input<typeof faultOptionsSchema>;
export type FaultScriptEntry = z.input<typeof scriptEntrySchema>;
export type FaultRates = z.input<typeof ratesSchema>;

/** What `requestCounts()` reports per service once fault injection has been configured. */
export interface FaultCounts {
  readonly status503: number;
  readonly status500: number;
  readonly status500After: number;
  readonly reset: number;
  readonly resetAfter: number;
  readonly timeout: number;
  readonly slow: number;
  readonly changesetFailure: number;
}

export type FaultName = keyof FaultCounts;

export function zeroFaultCounts(): { -readonly [K in FaultName]: number } {
  return {
    status503: 0,
    status500: 0,
    status500After: 0,
    reset: 0,
    resetAfter: 0,
    timeout: 0,
    slow: 0,
    changesetFailure: 0,
  };
}

/** Validates fault options (for example parsed JSON); throws `EmulatorConfigError` naming each bad field. */
export function parseFaultOptions(value: unknown, source = 'faults'): FaultOptions {
  return parseConfig(faultOptionsSchema, value, source);
}
