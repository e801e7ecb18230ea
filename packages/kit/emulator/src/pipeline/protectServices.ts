import type { ServiceProtection } from '../protection/ServiceProtection.js';
import { throttleResponse } from '../protection/throttleResponse.js';
import { isBatchRequest } from './countRequests.js';
import type { Middleware } from './EmulatorContext.js';
import type { RequestCounter } from './RequestCounter.js';

/**
 * Service protection: a request over one of its user's limits is answered 429 with
 * `Retry-After` before it runs; an admitted one holds a concurrency slot until answered and
 * is charged its execution time (measured, or simulated per request and operation).
 */
export function protectServices(protection: ServiceProtection, counter: RequestCounter): Middleware {
  return async (context, next) => {
    const { service } = context;
    if (service !== 'sales' && service !== 'finops') return next(context);
    const admission = protection.admit(service, context.clientId ?? '');
    if (!admission) return next(context);
    if (!admission.admitted) {
      counter.countThrottled(service);
      return throttleResponse(service, admission.reason, admission.retryAfterSeconds, admission.limits);
    }
    const started = performance.now();
    try {
      return await next(context);
    } finally {
      const operations = isBatchRequest(context) ? context.meter.batchOperations : 1;
      admission.finish(operations, performance.now() - started);
    }
  };
}
