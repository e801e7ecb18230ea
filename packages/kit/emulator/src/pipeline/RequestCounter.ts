import { zeroFaultCounts, type FaultCounts, type FaultName } from '../faults/faultOptions.js';

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
  /** Requests answered 429 by service protection (present once limits have been turned on). */
  readonly throttled?: number;
  /** Faults injected, by kind (present once fault injection has been configured). */
  readonly faults?: FaultCounts;
}

export type RequestCounts = Readonly<Record<CountedService, ServiceRequestCounts>>;

interface MutableCounts {
  reads: number;
  writes: number;
  batches: number;
  batchOperations: number;
  total: number;
  throttled: number;
  faults: { -readonly [K in FaultName]: number };
}

function zero(): MutableCounts {
  return { reads: 0, writes: 0, batches: 0, batchOperations: 0, total: 0, throttled: 0, faults: zeroFaultCounts() };
}

function isRead(method: string): boolean {
  const upper = method.toUpperCase();
  return upper === 'GET' || upper === 'HEAD';
}

export class RequestCounter {
  #counts: Record<CountedService, MutableCounts> = { sales: zero(), finops: zero(), auth: zero() };
  // Reported only once the feature is in use, so counts of emulators without it keep their shape.
  #showThrottled = false;
  #showFaults = false;

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

  countThrottled(service: CountedService): void {
    this.#counts[service].throttled += 1;
  }

  countFault(service: CountedService, fault: FaultName): void {
    this.#counts[service].faults[fault] += 1;
  }

  /** From now on, report `throttled` (service protection was turned on). */
  showThrottled(): void {
    this.#showThrottled = true;
  }

  /** From now on, report `faults` (fault injection was configured). */
  showFaults(): void {
    this.#showFaults = true;
  }

  snapshot(): RequestCounts {
    const view = (counts: MutableCounts): ServiceRequestCounts => {
      const { throttled, faults, ...plain } = counts;
      return {
        ...plain,
        ...(this.#showThrottled ? { throttled } : {}),
        ...(this.#showFaults ? { faults: { ...faults } } : {}),
      };
    };
    return { sales: view(this.#counts.sales), finops: view(this.#counts.finops), auth: view(this.#counts.auth) };
  }

  reset(): void {
    this.#counts = { sales: zero(), finops: zero(), auth: zero() };
  }
}
