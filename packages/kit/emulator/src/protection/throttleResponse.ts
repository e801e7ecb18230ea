import { jsonResponse } from '../http/jsonResponse.js';
import type { ThrottleReason } from './ServiceProtection.js';
import type { ProtectedService, ServiceLimits } from './serviceLimits.js';

/** Dataverse's error codes for the three service protection limits. */
const THROTTLE_CODES: Record<ThrottleReason, string> = {
  requests: '0x80072322',
  executionTime: '0x80072321',
  concurrency: '0x80072326',
};

function throttleMessage(reason: ThrottleReason, limits: ServiceLimits): string {
  switch (reason) {
    case 'requests':
      return `Number of requests exceeded the limit of ${limits.maxRequests} over time window of ${limits.windowSeconds} seconds.`;
    case 'executionTime':
      return `Combined execution time of incoming requests exceeded limit of ${(limits.maxExecutionSeconds * 1000).toLocaleString('en-US')} milliseconds over time window of ${limits.windowSeconds} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`;
    case 'concurrency':
      return `Number of concurrent requests exceeded the limit of ${limits.maxConcurrent}.`;
  }
}

/**
 * 429 with `Retry-After` (whole seconds) and the service's error body: Dataverse's
 * `{"error":{"code":"0x80072322","message":…}}`; F&O's shape is assumed (see the README).
 */
export function throttleResponse(
  service: ProtectedService,
  reason: ThrottleReason,
  retryAfterSeconds: number,
  limits: ServiceLimits,
): Response {
  const message = throttleMessage(reason, limits);
  const code = service === 'sales' ? THROTTLE_CODES[reason] : 'TooManyRequests';
  return jsonResponse(429, { error: { code, message } }, { 'Retry-After': String(retryAfterSeconds) });
}
