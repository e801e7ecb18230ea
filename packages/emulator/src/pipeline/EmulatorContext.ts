/** Which emulated service a request is for, decided from its path alone. */
export type ServiceName = 'sales' | 'finops' | 'auth' | 'admin';

/** A request on its way through the pipeline. */
export interface EmulatorContext {
  readonly request: Request;
  readonly url: URL;
  readonly service: ServiceName;
}

export type Handler = (context: EmulatorContext) => Promise<Response>;

/**
 * One step of request handling. It may answer by itself (401, later 429 or an injected
 * fault) or pass the request on with `next`.
 */
export type Middleware = (context: EmulatorContext, next: Handler) => Promise<Response>;

/** Chains middleware in order in front of the final handler. */
export function composePipeline(middleware: readonly Middleware[], handler: Handler): Handler {
  return middleware.reduceRight<Handler>((next, step) => (context) => step(context, next), handler);
}
