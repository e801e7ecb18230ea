import type { FaultInjector } from '../faults/FaultInjector.js';
import { changesetFailure, internalError, serviceUnavailable } from '../faults/faultResponses.js';
import type { HeldRequests } from '../faults/HeldRequests.js';
import { isBatchRequest } from './countRequests.js';
import type { EmulatorContext, Middleware } from './EmulatorContext.js';
import type { RequestCounter } from './RequestCounter.js';

const ROOTS: Partial<Record<EmulatorContext['service'], string>> = { sales: '/api/data/v9.2/', finops: '/data/' };

function relativePath(context: EmulatorContext): string {
  const path = decodeURIComponent(context.url.pathname);
  const root = ROOTS[context.service];
  return root && path.startsWith(root) ? path.slice(root.length) : path;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Fault injection, after authentication, counting and service protection: answers 503/500,
 * drops the connection, holds the request, delays it, or tells a `$batch` to fail one change
 * set. `500-after` and `reset-after` run the request first, so its writes are applied.
 */
export function injectFaults(injector: FaultInjector, held: HeldRequests, counter: RequestCounter): Middleware {
  return async (context, next) => {
    const { service } = context;
    if (service === 'admin') return next(context);
    const fault = injector.decide({
      service,
      method: context.request.method,
      path: relativePath(context),
      isBatch: isBatchRequest(context),
      ...(injector.matchesBodies ? { body: await context.request.clone().text() } : {}),
    });
    if (!fault) return next(context);
    if (fault.kind !== 'changesetFailure') counter.countFault(service, fault.kind);
    switch (fault.kind) {
      case 'status503':
        return serviceUnavailable(service);
      case 'status500':
        return internalError(service, '500');
      case 'status500After':
        await (await next(context)).arrayBuffer();
        return internalError(service, '500-after');
      case 'reset':
        return Response.error();
      case 'resetAfter':
        await (await next(context)).arrayBuffer();
        return Response.error();
      case 'timeout':
        return held.hold(context.request.signal, injector.timeoutMs);
      case 'slow':
        await sleep(fault.ms);
        return next(context);
      case 'changesetFailure':
        return next({
          ...context,
          changesetFailure: {
            pick: fault.pick,
            response: () => changesetFailure(service, fault.status),
            onInjected: () => counter.countFault(service, 'changesetFailure'),
          },
        });
    }
  };
}
