import {
  fieldText,
  parseEntityOptions,
  type EntityRef,
  type RecordDestination,
  type WriteOptions,
  type WriteOutcome,
  type WriteRequest,
} from '@p2c/core';
import {
  formatEntityKey,
  formatKeyLiteral,
  type BatchItemResult,
  type BatchRequest,
  type ODataClient,
} from '@p2c/odata';
import { finOpsEntityOptionsSchema, type FinOpsEntityOptions } from './FinOpsEntityOptions.js';

import { createBody, holdsValues, updateBody } from './rowComparison.js';

/** A key value as its literal wants it: a number (a quotation line's `LineNumber=1`) stays a number. */
function keyValue(value: unknown): string | number {
  return typeof value === 'number' ? value : fieldText(value);
}

type Row = Record<string, unknown>;
type Operation = { request: WriteRequest; action: 'create' | 'update' };
type Attempt = { op: Operation; result: BatchItemResult | undefined };

/** F&O's Infolog when a create meets an existing key ("… The record already exists."). */
const ALREADY_EXISTS = /already exists/i;
/** Change sets, then one by one, then the other case of an upsert: never more. */
const MAX_PASSES = 3;

/**
 * An F&O data entity written as upserts by its natural key. F&O documents no OData upsert, so
 * a row the state store says was written before is PATCHed by key and any other row is POSTed;
 * a POST that meets an existing row becomes a PATCH, a PATCH that finds no row (deleted in F&O
 * since) becomes a POST. Writes go in one `$batch` per call, in change sets of
 * `changesetSize` records; a change set F&O rejects as a whole is sent again record by record,
 * so only the records F&O refuses fail, each with F&O's Infolog text as its reason.
 *
 * A dry run cannot learn from a refused write, so it reads instead: one read per chunk of keys
 * tells which rows exist and whether they already hold the values.
 */
export class FinOpsDestination implements RecordDestination {
  readonly entity: string;
  readonly #options: FinOpsEntityOptions;
  readonly #keyFields: ReadonlySet<string>;
  readonly #numberFields: ReadonlySet<string>;

  constructor(
    private readonly client: ODataClient,
    private readonly ref: EntityRef,
  ) {
    const options = parseEntityOptions(finOpsEntityOptionsSchema, ref, 'F&O');
    this.entity = ref.entity;
    this.#options = options;
    this.#keyFields = new Set(ref.key);
    this.#numberFields = new Set(options.numberFields);
  }

  async write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    if (options.dryRun) return this.#plan(batch);
    let operations: Operation[] = batch.map((request) => ({
      request,
      action: request.knownToExist ? 'update' : 'create',
    }));
    const outcomes = new Map<string, WriteOutcome>();
    // Pass 1 in change sets; then, one by one, what a refused change set rolled back and what
    // met the other case (a create that found the row, an update that did not).
    for (let pass = 1; operations.length > 0; pass += 1) {
      const attempts = await this.#send(operations, pass === 1 ? (options.changesetSize ?? 1) : 1);
      operations = [];
      for (const { op, result } of attempts) {
        const retry = pass < MAX_PASSES ? this.#retryOf(op, result, pass) : null;
        if (retry) operations.push(retry);
        else outcomes.set(op.request.key, this.#outcomeOf(op, result));
      }
    }
    return batch.map((request) => {
      // Every operation ends with an outcome: on the last pass nothing is retried.
      const outcome = outcomes.get(request.key);
      if (!outcome) {
        throw new Error(`F&O ${this.entity}: no outcome for record ${request.key} after ${MAX_PASSES} passes`);
      }
      return outcome;
    });
  }

  /** Sends the operations in one `$batch`, in change sets of `size`; one attempt per operation. */
  async #send(operations: Operation[], size: number): Promise<Attempt[]> {
    if (operations.length === 0) return [];
    const groups: Operation[][] = [];
    for (let start = 0; start < operations.length; start += size) groups.push(operations.slice(start, start + size));
    const results = await this.client.batch(
      groups.map((group) => ({ changeset: group.map((op) => this.#requestFor(op)) })),
      { continueOnError: true },
    );
    // One result per request, in the order sent: the order of `operations`.
    return operations.map((op, index) => ({ op, result: results[index] }));
  }

  /** What to try next for an operation that did not succeed, if anything. */
  #retryOf(op: Operation, result: BatchItemResult | undefined, pass: number): Operation | null {
    if (result && result.status >= 200 && result.status < 300) return null;
    const message = result?.error?.message ?? '';
    if (op.action === 'update' && result?.status === 404) return { request: op.request, action: 'create' };
    if (op.action === 'create' && ALREADY_EXISTS.test(message)) return { request: op.request, action: 'update' };
    // A failed change set was rolled back as a whole (it is atomic), maybe for another record's
    // fault or a passing one of the service: once more alone, it shows its own outcome.
    const kind = result?.error?.kind;
    if (pass === 1 && result !== undefined && (kind === 'record' || kind === 'transient' || result.status === 424))
      return op;
    return null;
  }

  #requestFor({ request, action }: Operation): BatchRequest {
    if (action === 'create') return { method: 'POST', url: this.entity, body: createBody(request.row) };
    return {
      method: 'PATCH',
      url: `${this.entity}${formatEntityKey(this.#keyOf(request.row))}`,
      body: updateBody(request.row, this.#keyFields, this.#numberFields),
    };
  }

  #outcomeOf({ request, action }: Operation, result: BatchItemResult | undefined): WriteOutcome {
    if (result && result.status >= 200 && result.status < 300) {
      return { key: request.key, status: action === 'create' ? 'created' : 'updated' };
    }
    const error = result?.error;
    return {
      key: request.key,
      status: 'failed',
      code: error?.kind === 'record' ? 'DESTINATION_REJECTED' : 'DESTINATION_ERROR',
      message: `F&O ${this.entity} rejected the record: ${error?.message ?? `HTTP ${result?.status ?? 'no answer'}`}`,
      retryable: error ? error.kind === 'transient' : true,
    };
  }

  async #plan(batch: WriteRequest[]): Promise<WriteOutcome[]> {
    const existing = await this.#findExisting(batch);
    return batch.map((request) => {
      const found = existing.get(this.#normalizedKey(request.row));
      if (found && holdsValues(found, request.row, this.#keyFields)) return { key: request.key, status: 'unchanged' };
      return { key: request.key, status: found ? 'updated' : 'created' };
    });
  }

  /** One read per chunk of keys: which rows exist now, with the fields this task writes. */
  async #findExisting(requests: WriteRequest[]): Promise<Map<string, Row>> {
    const found = new Map<string, Row>();
    const size = this.#options.lookupChunkSize;
    for (let start = 0; start < requests.length; start += size) {
      const chunk = requests.slice(start, start + size);
      const filter = chunk
        .map(
          (r) =>
            `(${this.ref.key.map((field) => `${field} eq ${formatKeyLiteral(keyValue(r.row[field]))}`).join(' and ')})`,
        )
        .join(' or ');
      const select = [...new Set([...this.ref.key, ...this.ref.fields])];
      for await (const page of this.client.pages<Row>(this.entity, { query: { select, filter, crossCompany: true } })) {
        for (const row of page.value) found.set(this.#normalizedKey(row), row);
      }
    }
    return found;
  }

  #keyOf(row: Row): Record<string, string | number> {
    return Object.fromEntries(this.ref.key.map((field) => [field, keyValue(row[field])]));
  }

  /** F&O compares keys without regard to case (its SQL collation). */
  #normalizedKey(row: Row): string {
    return this.ref.key.map((field) => fieldText(row[field]).toUpperCase()).join('|');
  }
}
