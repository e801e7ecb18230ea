import {
  ConfigError,
  type EntityRef,
  type RecordDestination,
  type WriteOptions,
  type WriteOutcome,
  type WriteRequest,
} from '@p2c/core';
import { formatEntityKey, formatKeyLiteral, type BatchItemResult, type ODataClient } from '@p2c/odata';
import { finOpsEntityOptionsSchema, type FinOpsEntityOptions } from './FinOpsEntityOptions.js';
import { createBody, holdsValues, updateBody } from './rowComparison.js';

type Row = Record<string, unknown>;
type Operation = { request: WriteRequest; action: 'create' | 'update' };

/**
 * An F&O data entity written as upserts by its natural key. F&O has no documented OData
 * upsert, so for keys the state store does not know yet one read per chunk of keys finds which
 * rows exist (and whether they already hold the values); then creates are POSTed and updates
 * PATCHed in one `$batch`, each in its own change set, with `odata.continue-on-error`, so one
 * rejected record fails alone.
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
    const parsed = finOpsEntityOptionsSchema.safeParse(ref.options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`F&O entity ${ref.entity}: options.${issue?.path.join('.')}: ${issue?.message}`, {
        code: 'ENTITY_OPTIONS_INVALID',
      });
    }
    this.entity = ref.entity;
    this.#options = parsed.data;
    this.#keyFields = new Set(ref.key);
    this.#numberFields = new Set(parsed.data.numberFields);
  }

  async write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const outcomes = new Map<string, WriteOutcome>();
    const existing = await this.#findExisting(batch.filter((r) => !r.knownToExist));
    const operations: Operation[] = [];
    for (const request of batch) {
      const found = existing.get(this.#normalizedKey(request.row));
      if (found && holdsValues(found, request.row, this.#keyFields)) {
        outcomes.set(request.key, { key: request.key, status: 'unchanged' });
      } else {
        operations.push({ request, action: request.knownToExist || found ? 'update' : 'create' });
      }
    }
    if (options.dryRun) {
      for (const { request, action } of operations) {
        outcomes.set(request.key, { key: request.key, status: action === 'create' ? 'created' : 'updated' });
      }
    } else {
      for (const outcome of await this.#apply(operations)) outcomes.set(outcome.key, outcome);
    }
    return batch.map((r) => outcomes.get(r.key)!);
  }

  async #apply(operations: Operation[]): Promise<WriteOutcome[]> {
    if (operations.length === 0) return [];
    const results = await this.client.batch(
      operations.map((op) => ({ changeset: [this.#requestFor(op)] })),
      { continueOnError: true },
    );
    const outcomes: WriteOutcome[] = [];
    const retries: Operation[] = [];
    for (const [index, op] of operations.entries()) {
      const result = results[index];
      // The state store said the row existed but it is gone (deleted in F&O): create it.
      if (op.action === 'update' && result?.status === 404) {
        retries.push({ request: op.request, action: 'create' });
        continue;
      }
      outcomes.push(this.#outcomeOf(op, result));
    }
    if (retries.length > 0) {
      const again = await this.client.batch(
        retries.map((op) => ({ changeset: [this.#requestFor(op)] })),
        { continueOnError: true },
      );
      retries.forEach((op, index) => outcomes.push(this.#outcomeOf(op, again[index])));
    }
    return outcomes;
  }

  #requestFor({ request, action }: Operation) {
    if (action === 'create') {
      return { method: 'POST' as const, url: this.entity, body: createBody(request.row) };
    }
    return {
      method: 'PATCH' as const,
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

  /** One read per chunk of keys: which rows exist now, with the fields this task writes. */
  async #findExisting(requests: WriteRequest[]): Promise<Map<string, Row>> {
    const found = new Map<string, Row>();
    const size = this.#options.lookupChunkSize;
    for (let start = 0; start < requests.length; start += size) {
      const chunk = requests.slice(start, start + size);
      const filter = chunk
        .map((r) => `(${this.ref.key.map((field) => `${field} eq ${formatKeyLiteral(String(r.row[field] ?? ''))}`).join(' and ')})`)
        .join(' or ');
      const select = [...new Set([...this.ref.key, ...this.ref.fields])];
      for await (const page of this.client.pages<Row>(this.entity, {
        query: { select, filter, crossCompany: true },
      })) {
        for (const row of page.value) found.set(this.#normalizedKey(row), row);
      }
    }
    return found;
  }

  #keyOf(row: Row): Record<string, string> {
    return Object.fromEntries(this.ref.key.map((field) => [field, String(row[field] ?? '')]));
  }

  /** F&O compares keys without regard to case (its SQL collation). */
  #normalizedKey(row: Row): string {
    return this.ref.key.map((field) => String(row[field] ?? '').toUpperCase()).join('|');
  }
}
