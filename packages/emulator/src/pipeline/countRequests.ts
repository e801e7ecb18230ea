import type { Middleware } from './EmulatorContext.js';
import type { RequestCounter } from './RequestCounter.js';

const BATCH_PATHS = new Set(['/api/data/v9.2/$batch', '/data/$batch']);

/** Counts each request per service; a `$batch` is one request (its operations count apart). */
export function countRequests(counter: RequestCounter): Middleware {
  return async (context, next) => {
    const { service, request, url } = context;
    if (service === 'admin') return next(context);
    if (service !== 'auth' && request.method.toUpperCase() === 'POST' && BATCH_PATHS.has(decodeURIComponent(url.pathname))) {
      counter.countBatch(service);
    } else {
      counter.countRequest(service, request.method);
    }
    return next(context);
  };
}
