import type { z } from 'zod';
import {
  resolveLimits,
  type EffectiveLimits,
  type emulatorLimitsSchema,
  type ProtectedService,
  type ServiceLimits,
} from './serviceLimits.js';
import { UsageWindow } from './UsageWindow.js';

export type ThrottleReason = 'requests' | 'executionTime' | 'concurrency';

export type Admission =
  | {
      readonly admitted: false;
      readonly reason: ThrottleReason;
      readonly retryAfterSeconds: number;
      readonly limits: ServiceLimits;
    }
  | {
      readonly admitted: true;
      /** Call once the request is answered: operations it ran and the time it took. */
      readonly finish: (operations: number, measuredMs: number) => void;
    };

function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Dataverse's and F&O's service protection limits: per user and service, a sliding window
 * of requests and of their combined execution time, plus concurrent requests. A client that
 * keeps sending while throttled doubles its Retry-After with every request (up to a cap).
 */
export class ServiceProtection {
  readonly #now: () => Date;
  #limits: EffectiveLimits = { sales: null, finops: null };
  #windows = new Map<string, UsageWindow>();

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Replaces the limits and forgets all usage. */
  configure(limits: z.output<typeof emulatorLimitsSchema> | undefined): void {
    this.#limits = resolveLimits(limits);
    this.#windows = new Map();
  }

  settings(): EffectiveLimits {
    return { ...this.#limits };
  }

  enabled(service: ProtectedService): boolean {
    return this.#limits[service] !== null;
  }

  get anyEnabled(): boolean {
    return this.#limits.sales !== null || this.#limits.finops !== null;
  }

  admit(service: ProtectedService, user: string): Admission | undefined {
    const limits = this.#limits[service];
    if (!limits) return undefined;
    const key = `${service}|${user.toLowerCase()}`;
    let window = this.#windows.get(key);
    if (!window) {
      window = new UsageWindow();
      this.#windows.set(key, window);
    }
    const now = this.#now().getTime();
    const windowMs = limits.windowSeconds * 1000;
    window.slide(now, windowMs);

    if (now < window.penaltyUntil) {
      // Still pushing while throttled: the wait doubles and the penalty lasts that long.
      window.penaltySeconds = Math.min(limits.maxRetryAfterSeconds, window.penaltySeconds * 2);
      window.penaltyUntil = Math.max(window.penaltyUntil, now + window.penaltySeconds * 1000);
      return { admitted: false, reason: window.penaltyReason, retryAfterSeconds: window.penaltySeconds, limits };
    }
    if (window.inFlight >= limits.maxConcurrent) {
      return { admitted: false, reason: 'concurrency', retryAfterSeconds: 1, limits };
    }
    let reason: 'requests' | 'executionTime' | undefined;
    let waitMs = 0;
    if (window.count >= limits.maxRequests) {
      reason = 'requests';
      waitMs = window.msUntilCountBelow(limits.maxRequests, now, windowMs);
    } else if (window.costMs >= limits.maxExecutionSeconds * 1000) {
      reason = 'executionTime';
      waitMs = window.msUntilCostBelow(limits.maxExecutionSeconds * 1000, now, windowMs);
    }
    if (reason) {
      const seconds = Math.min(limits.maxRetryAfterSeconds, wholeSeconds(waitMs));
      window.penaltyReason = reason;
      window.penaltySeconds = seconds;
      window.penaltyUntil = now + seconds * 1000;
      return { admitted: false, reason, retryAfterSeconds: seconds, limits };
    }

    const charge = window.admit(now);
    window.inFlight += 1;
    const simulated = limits.costMsPerRequest !== undefined || limits.costMsPerOperation !== undefined;
    const tracked = window;
    let finished = false;
    return {
      admitted: true,
      finish: (operations, measuredMs) => {
        if (finished) return;
        finished = true;
        tracked.inFlight -= 1;
        charge(
          simulated
            ? (limits.costMsPerRequest ?? 0) + (limits.costMsPerOperation ?? 0) * operations
            : Math.max(0, measuredMs),
        );
      },
    };
  }
}
