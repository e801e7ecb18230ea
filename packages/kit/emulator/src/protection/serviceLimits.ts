import { z } from 'zod';
import { parseConfig } from '../config/parseConfig.js';

/** The services that have service protection limits. */
export type ProtectedService = 'sales' | 'finops';

/** One service's limits, per user (the token's app id), as REFERENCE §3 and §4 give them. */
export interface ServiceLimits {
  /** Length of the sliding window (300 s). */
  readonly windowSeconds: number;
  /** Requests a user may send within the window (6000); a `$batch` is one. */
  readonly maxRequests: number;
  /** Combined execution time of a user's requests within the window (1200 s). */
  readonly maxExecutionSeconds: number;
  /** Requests of one user in flight at once (52). */
  readonly maxConcurrent: number;
  /** Upper bound of the Retry-After that grows while a throttled client keeps sending (300 s). */
  readonly maxRetryAfterSeconds: number;
  /**
   * Simulated execution time: when this or `costMsPerOperation` is set, a request costs
   * `costMsPerRequest + costMsPerOperation × operations` (a plain request is one operation, a
   * `$batch` as many as it ran) instead of the measured handler time, so tests are deterministic.
   */
  readonly costMsPerRequest?: number;
  readonly costMsPerOperation?: number;
}

export const DEFAULT_SERVICE_LIMITS = {
  windowSeconds: 300,
  maxRequests: 6000,
  maxExecutionSeconds: 1200,
  maxConcurrent: 52,
  maxRetryAfterSeconds: 300,
} as const satisfies ServiceLimits;

const serviceLimitsSchema = z.strictObject({
  windowSeconds: z.number().positive().optional(),
  maxRequests: z.number().int().positive().optional(),
  maxExecutionSeconds: z.number().positive().optional(),
  maxConcurrent: z.number().int().positive().optional(),
  maxRetryAfterSeconds: z.number().int().positive().optional(),
  costMsPerRequest: z.number().nonnegative().optional(),
  costMsPerOperation: z.number().nonnegative().optional(),
});

/**
 * Service protection settings: a service named here (even as `{}`) is protected with the
 * defaults overridden by what is given; a service absent or `null` is not limited.
 */
export const emulatorLimitsSchema = z.strictObject({
  sales: serviceLimitsSchema.nullable().optional(),
  finops: serviceLimitsSchema.nullable().optional(),
});

export type EmulatorLimits = z.input<typeof emulatorLimitsSchema>;

/** The limits in force: `null` for a service that is not limited. */
export type EffectiveLimits = Readonly<Record<ProtectedService, ServiceLimits | null>>;

export function resolveLimits(limits: z.output<typeof emulatorLimitsSchema> | undefined): EffectiveLimits {
  const resolve = (given: z.output<typeof serviceLimitsSchema> | null | undefined): ServiceLimits | null => {
    if (!given) return null;
    // zod keeps an optional key given as undefined; Object.entries' type leaves undefined out.
    const entries: [string, number | undefined][] = Object.entries(given);
    const defined = Object.fromEntries(entries.filter((entry): entry is [string, number] => entry[1] !== undefined));
    return { ...DEFAULT_SERVICE_LIMITS, ...defined };
  };
  return { sales: resolve(limits?.sales), finops: resolve(limits?.finops) };
}

/** Validates limits (for example parsed JSON); throws `EmulatorConfigError` naming each bad field. */
export function parseEmulatorLimits(value: unknown, source = 'limits'): EmulatorLimits {
  return parseConfig(emulatorLimitsSchema, value, source);
}
