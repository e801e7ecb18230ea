import type { RecordDestination, WriteOptions, WriteOutcome, WriteRequest } from '../../src/connectors/index.js';

/** F&O customers in memory, upserted by key; `fail` decides which rows F&O would refuse. */
export class FakeDestination implements RecordDestination {
  readonly entity = 'CustomersV3';
  readonly rows = new Map<string, Record<string, unknown>>();
  readonly requests: WriteRequest[] = [];
  fail: (request: WriteRequest) => string | null = () => null;
  /** A fault that is not about one record, thrown by every write after the first `afterWrites`. */
  fault: { error: Error; afterWrites: number } | null = null;
  #writes = 0;

  async write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    if (this.fault && this.#writes >= this.fault.afterWrites) throw this.fault.error;
    this.#writes++;
    return batch.map((request) => {
      this.requests.push(request);
      const refused = this.fail(request);
      if (refused)
        return { key: request.key, status: 'failed', code: 'FINOPS_VALIDATION', message: refused, retryable: false };
      const status = this.rows.has(request.key) ? 'updated' : 'created';
      if (!options.dryRun) this.rows.set(request.key, request.row);
      return { key: request.key, status };
    });
  }
}
