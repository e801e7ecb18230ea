/** Which emulated service a request is for, decided from its path alone. */
export type ServiceName = 'sales' | 'finops' | 'auth' | 'admin';

/** What one request did, filled in while it runs (for execution-time accounting). */
interface RequestMeter {
  /** Operations a `$batch` executed. */
  batchOperations: number;
}

/** Tells a `$batch` to roll back one of its change sets as a whole (fault injection). */
export interface ChangesetFailurePlan {
  /** Which change set fails, given how many the batch holds. */
  pick(changesets: number): number;
  /** The one answer that replaces the failed change set. */
  response(): Response;
  /** Called when a change set was actually failed. */
  onInjected(): void;
}

/** A request on its way through the pipeline. */
export interface EmulatorContext {
  readonly request: Request;
  readonly url: URL;
  readonly service: ServiceName;
  readonly meter: RequestMeter;
  /** The app id of the caller's token, once authenticated. */
  readonly clientId?: string;
  readonly changesetFailure?: ChangesetFailurePlan;
}

export type Handler = (context: EmulatorContext) => Promise<Response>;

/**
 * One step of request handling. It may answer by itself (401, 429 or an injected fault) or
 * pass the request on with `next`.
 */
export type Middleware = (context: EmulatorContext, next: Handler) => Promise<Response>;

/** Chains middleware in order in front of the final handler. */
export function composePipeline(middleware: readonly Middleware[], handler: Handler): Handler {
  return middleware.reduceRight<Handler>((next, step) => (context) => step(context, next), handler);
}
