import type { EmulatorContext, Middleware } from './EmulatorContext.js';
import type { RequestCounter } from './RequestCounter.js';

const BATCH_PATHS = new Set(['/api/data/v9.2/$batch', '/data/$batch']);

/** Whether a request is a `$batch` (of either data service). */
export function isBatchRequest(context: Pick<EmulatorContext, 'service' | 'request' | 'url'>): boolean {
  return (
    (context.service === 'sales' || context.service === 'finops') &&
    context.request.method.toUpperCase() === 'POST' &&
    BATCH_PATHS.has(decodeURIComponent(context.url.pathname))
  );
}

/** Counts each request per service; a `$batch` is one request (its operations count apart). */
export function countRequests(counter: RequestCounter): Middleware {
  return async (context, next) => {
    const { service, request } = context;
    if (service === 'admin') return next(context);
    if (service !== 'auth' && isBatchRequest(context)) {
      counter.countBatch(service);
    } else {
      counter.countRequest(service, request.method);
    }
    return next(context);
  };
}
