/** The services whose traffic is counted (the admin API is not). */
export type CountedService = 'sales' | 'finops' | 'auth';

export interface ServiceRequestCounts {
  /** GET/HEAD requests, including those inside `$batch`. */
  readonly reads: number;
  /** POST/PATCH/PUT/DELETE requests, including those inside `$batch`. */
  readonly writes: number;
  /** `$batch` requests. */
  readonly batches: number;
  /** Operations executed inside `$batch` requests. */
  readonly batchOperations: number;
  /** HTTP requests received: a `$batch` counts once, whatever it holds. */
  readonly total: number;
}

export type RequestCounts = Readonly<Record<CountedService, ServiceRequestCounts>>;

type MutableCounts = { -readonly [K in keyof ServiceRequestCounts]: number };

function zero(): MutableCounts {
  return { reads: 0, writes: 0, batches: 0, batchOperations: 0, total: 0 };
}

function isRead(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD';
}

export class RequestCounter {
  #counts: Record<CountedService, MutableCounts> = { sales: zero(), finops: zero(), auth: zero() };

  countRequest(service: CountedService, method: string): void {
    const counts = this.#counts[service];
    counts.total += 1;
    if (isRead(method)) counts.reads += 1;
    else counts.writes += 1;
  }

  countBatch(service: CountedService): void {
    const counts = this.#counts[service];
    counts.total += 1;
    counts.batches += 1;
  }

  countBatchOperation(service: CountedService, method: string): void {
    const counts = this.#counts[service];
    counts.batchOperations += 1;
    if (isRead(method)) counts.reads += 1;
    else counts.writes += 1;
  }

  snapshot(): RequestCounts {
    return {
      sales: { ...this.#counts.sales },
      finops: { ...this.#counts.finops },
      auth: { ...this.#counts.auth },
    };
  }

  reset(): void {
    this.#counts = { sales: zero(), finops: zero(), auth: zero() };
  }
}
