import type { RetryPolicy } from './ODataClientOptions.js';

/**
 * Exponential back-off with full jitter: a random wait in [0, min(maxDelay, base * 2^(attempt-1))].
 * A Retry-After from the service replaces it (it knows better than our guess), even above maxDelay.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterSeconds: number | undefined,
): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000;
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}
