import {
  fieldText,
  ConfigError,
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
  guid,
  type BatchItemResult,
  type BatchRequest,
  type EntityKey,
  type ODataClient,
} from '@p2c/odata';
import { dataverseDestinationOptionsSchema, type DataverseDestinationOptions } from './DataverseDestinationOptions.js';
import { columnFor, holdsValues } from './rowComparison.js';

type Row = Record<string, unknown>;
type KeyValues = Record<string, string | number | boolean>;
type Action = 'create' | 'update';

interface Operation {
  /** Position in the caller's batch: outcomes go back in that order. */
  index: number;
  request: WriteRequest;
  key: KeyValues;
  action: Action;
  /** Sent again alone after its change set failed: never a second time. */
  retried: boolean;
  /** Turned into the other case of the upsert: never back. */
  switched: boolean;
  /** The update that sets, on a row just created, the fields a create may not carry. */
  afterCreate?: boolean;
}

interface Attempt {
  op: Operation;
  result: BatchItemResult | undefined;
  /** Its change set held only this request, so the answer is about this record. */
  alone: boolean;
}

/** Dataverse takes at most 1000 requests in one `$batch` (and so in one change set). */
const MAX_BATCH_REQUESTS = 1000;
/** 412 for a second row holding another alternate key's values: not "this key exists". */
const DUPLICATE_KEY_CODE = '0x80060892';
/** Characters Dataverse refuses inside an alternate key value in a URL. */
const REFUSED_KEY_CHARACTERS = /[/<>*%&:\\?+]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A Dataverse table written as upserts by alternate key: `PATCH accounts(accountnumber='…')`.
 * Dataverse answers 204 whether it created or updated, so each request says which it means:
 * a key the state store knows is updated with `If-Match: *` (a 404 means it was deleted in
 * Sales since: it is created instead), any other key is created with `If-None-Match: *` (a 412
 * means it exists: it is updated instead). Writes go in one `$batch` per call
 * (`Prefer: odata.continue-on-error`), in change sets of `changesetSize` records; a change set
 * Dataverse rolls back as a whole is sent again record by record, so only the records
 * Dataverse refuses fail, each with Dataverse's message.
 *
 * Fields Dataverse does not accept on a create (`notOnCreate`) are left out of a create and set
 * by an update of the new row right after; the record counts as created once both succeeded. A
 * failed (or never sent) second step fails the record, so the next run writes it again: its
 * create meets 412 and turns into an update that carries every field.
 *
 * A dry run reads instead: one read per chunk of keys tells which rows exist and whether they
 * already hold the values.
 */
export class DataverseDestination implements RecordDestination {
  readonly entity: string;
  readonly #options: DataverseDestinationOptions;

  constructor(
    private readonly client: ODataClient,
    private readonly ref: EntityRef,
  ) {
    const options = parseEntityOptions(dataverseDestinationOptionsSchema, ref, 'Dataverse');
    if (ref.key.length === 0) {
      throw new ConfigError(`Dataverse entity ${ref.entity}: a destination needs the alternate key's columns`, {
        code: 'ENTITY_KEY_MISSING',
      });
    }
    if (options.primaryKey && ref.key.length !== 1) {
      throw new ConfigError(`Dataverse entity ${ref.entity}: a primary key is one column, not ${ref.key.join(', ')}`, {
        code: 'ENTITY_KEY_INVALID',
      });
    }
    this.entity = ref.entity;
    this.#options = options;
  }

  async write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const outcomes = new Map<number, WriteOutcome>();
    const valid: Operation[] = [];
    batch.forEach((request, index) => {
      const key = this.#keyOf(request);
      if (typeof key === 'string') {
        outcomes.set(index, {
          key: request.key,
          status: 'failed',
          code: 'DESTINATION_KEY_INVALID',
          message: key,
          retryable: false,
        });
      } else {
        valid.push({
          index,
          request,
          key,
          action: request.knownToExist ? 'update' : 'create',
          retried: false,
          switched: false,
        });
      }
    });
    if (options.dryRun) {
      for (const [index, outcome] of await this.#plan(valid)) outcomes.set(index, outcome);
    } else {
      const changesetSize = Math.min(MAX_BATCH_REQUESTS, Math.max(1, Math.floor(options.changesetSize ?? 1)));
      await this.#upsert(valid, changesetSize, outcomes, options.signal);
      await this.#completeCreates(valid, changesetSize, outcomes, options.signal);
    }
    return batch.map((request, index) => {
      // Every request ends with an outcome: refused for its key, planned, or written (or not) by the upsert.
      const outcome = outcomes.get(index);
      if (!outcome) throw new Error(`Dataverse ${this.entity}: no outcome for record ${request.key}`);
      return outcome;
    });
  }

  /** First in change sets, then alone: what a rolled-back change set held, and the other case of an upsert. */
  async #upsert(
    operations: Operation[],
    changesetSize: number,
    outcomes: Map<number, WriteOutcome>,
    signal?: AbortSignal,
  ): Promise<void> {
    let pending = operations;
    for (let size = changesetSize; pending.length > 0; size = 1) {
      signal?.throwIfAborted();
      const attempts = await this.#send(pending, size);
      pending = [];
      for (const attempt of attempts) {
        const next = this.#retryOf(attempt);
        if (next) pending.push(next);
        else outcomes.set(attempt.op.index, this.#outcomeOf(attempt));
      }
    }
  }

  /** Sets the fields a create could not carry on the rows just created, as updates. */
  async #completeCreates(
    operations: Operation[],
    changesetSize: number,
    outcomes: Map<number, WriteOutcome>,
    signal?: AbortSignal,
  ): Promise<void> {
    const held = this.#options.notOnCreate;
    if (held.length === 0) return;
    const followUps = operations.flatMap((op): Operation[] => {
      if (outcomes.get(op.index)?.status !== 'created') return [];
      const rest = Object.fromEntries(
        held
          .filter((field) => op.request.row[field] !== undefined && op.request.row[field] !== null)
          .map((field) => [field, op.request.row[field]]),
      );
      if (Object.keys(rest).length === 0) return [];
      const request = { ...op.request, row: { ...keyFieldsOf(op.request.row, this.ref.key), ...rest } };
      // The row exists now: a 404 is an answer, not a reason to create it again.
      return [{ ...op, request, action: 'update', retried: false, switched: true, afterCreate: true }];
    });
    if (followUps.length > 0) await this.#upsert(followUps, changesetSize, outcomes, signal);
  }

  /** Sends the operations in change sets of `size`, in `$batch`es of at most 1000 requests. */
  async #send(operations: Operation[], size: number): Promise<Attempt[]> {
    const attempts: Attempt[] = [];
    const perBatch = Math.floor(MAX_BATCH_REQUESTS / size) * size;
    for (let start = 0; start < operations.length; start += perBatch) {
      const slice = operations.slice(start, start + perBatch);
      const groups: Operation[][] = [];
      for (let at = 0; at < slice.length; at += size) groups.push(slice.slice(at, at + size));
      const results = await this.client.batch(
        groups.map((group) => ({ changeset: group.map((op) => this.#requestFor(op)) })),
        { continueOnError: true },
      );
      // One result per request, in the order sent.
      let position = 0;
      for (const group of groups) {
        for (const op of group) attempts.push({ op, result: results[position++], alone: group.length === 1 });
      }
    }
    return attempts;
  }

  /** What to send next for an operation that did not succeed, if anything. */
  #retryOf({ op, result, alone }: Attempt): Operation | null {
    if (result === undefined || succeeded(result)) return null;
    const kind = result.error?.kind;
    // A change set is atomic: it failed as a whole, maybe for another record's fault. Alone,
    // the record shows its own outcome.
    if (!alone) return kind === 'fatal' ? null : { ...op, retried: true };
    // A passing fault of the service: once more (a create that did get through then meets 412).
    if (kind === 'transient' && !op.retried) return { ...op, retried: true };
    if (op.switched) return null;
    if (op.action === 'create' && result.status === 412 && result.error?.odataCode !== DUPLICATE_KEY_CODE) {
      return { ...op, action: 'update', switched: true };
    }
    if (op.action === 'update' && result.status === 404) return { ...op, action: 'create', switched: true };
    return null;
  }

  #requestFor(op: Operation): BatchRequest {
    return {
      method: 'PATCH',
      url: `${this.entity}${formatEntityKey(this.#address(op.key))}`,
      headers: op.action === 'create' ? { 'If-None-Match': '*' } : { 'If-Match': '*' },
      body: this.#bodyFor(op),
    };
  }

  /** The row's fields, but the key a primary-key URL names, and on a create the ones it may not carry. */
  #bodyFor(op: Operation): Row {
    const body = this.#options.primaryKey ? bodyOf(op.request.row, this.ref.key) : bodyOf(op.request.row);
    if (op.action !== 'create') return body;
    const held = this.#options.notOnCreate;
    return Object.fromEntries(Object.entries(body).filter(([field]) => !held.includes(field)));
  }

  #outcomeOf({ op, result }: Attempt): WriteOutcome {
    const key = op.request.key;
    if (result && succeeded(result))
      return { key, status: op.action === 'create' || op.afterCreate ? 'created' : 'updated' };
    const error = result?.error;
    return {
      key,
      status: 'failed',
      code: error?.kind === 'record' ? 'DESTINATION_REJECTED' : 'DESTINATION_ERROR',
      message: `Dataverse ${this.entity} rejected the record: ${error?.message ?? `HTTP ${result?.status ?? 'no answer'}`}`,
      retryable: error ? error.kind === 'transient' : true,
    };
  }

  async #plan(operations: Operation[]): Promise<Map<number, WriteOutcome>> {
    const existing = await this.#findExisting(operations);
    const outcomes = new Map<number, WriteOutcome>();
    for (const { index, request, key } of operations) {
      const found = existing.get(normalizedKey(this.ref.key, key));
      const status = !found ? 'created' : holdsValues(found, request.row) ? 'unchanged' : 'updated';
      outcomes.set(index, { key: request.key, status });
    }
    return outcomes;
  }

  /** One read per chunk of keys: which rows exist now, with the columns this task writes. */
  async #findExisting(operations: Operation[]): Promise<Map<string, Row>> {
    const found = new Map<string, Row>();
    const size = this.#options.lookupChunkSize;
    for (let start = 0; start < operations.length; start += size) {
      const chunk = operations.slice(start, start + size);
      const filter = chunk
        .map(
          ({ key }) =>
            `(${this.ref.key.map((field) => `${field} eq ${this.#literal(key[field] ?? null)}`).join(' and ')})`,
        )
        .join(' or ');
      const written = chunk.flatMap(({ request }) => Object.keys(request.row));
      const select = [...new Set([...this.ref.key, ...this.ref.fields, ...written].map(columnFor))];
      for await (const page of this.client.pages<Row>(this.entity, { query: { select, filter } })) {
        for (const row of page.value) found.set(normalizedKey(this.ref.key, row), row);
      }
    }
    return found;
  }

  /** A primary key is the GUID itself (`salesorderdetails(<guid>)`); an alternate key names its columns. */
  #address(key: KeyValues): EntityKey {
    return this.#options.primaryKey ? guid(String(Object.values(key)[0])) : key;
  }

  #literal(value: string | number | boolean | null): string {
    return this.#options.primaryKey && typeof value === 'string'
      ? formatKeyLiteral(guid(value))
      : formatKeyLiteral(value);
  }

  /** The alternate key's values, or why the record cannot be addressed by them. */
  #keyOf(request: WriteRequest): KeyValues | string {
    const key: KeyValues = {};
    for (const field of this.ref.key) {
      const value = request.row[field];
      if (value === null || value === undefined || value === '')
        return `The record has no ${field}, part of the key of ${this.entity}`;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return `The record's ${field} is not a text, number or yes/no value and cannot address a row of ${this.entity}`;
      }
      if (this.#options.primaryKey && (typeof value !== 'string' || !GUID.test(value))) {
        return `The record's ${field} '${String(value)}' is not a GUID, and ${this.entity} is written by its primary key`;
      }
      if (typeof value === 'string' && REFUSED_KEY_CHARACTERS.test(value)) {
        return `The record's ${field} '${value}' holds a character Dataverse refuses in a key (/ < > * % & : \\ ? +)`;
      }
      key[field] = value;
    }
    return key;
  }
}

/** The key fields of a row (an upsert by alternate key sends them in the body too). */
function keyFieldsOf(row: Row, key: readonly string[]): Row {
  return Object.fromEntries(key.filter((field) => row[field] !== undefined).map((field) => [field, row[field]]));
}

function succeeded(result: BatchItemResult): boolean {
  return result.status >= 200 && result.status < 300;
}

/**
 * Every field as given (null clears the column in Dataverse), but the ones the URL already names
 * and lookups bound to nothing: a customer is bound as an account or as a contact, and the
 * other side's null must not clear it.
 */
function bodyOf(row: Row, inUrl: readonly string[] = []): Row {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([field, value]) =>
        value !== undefined && !inUrl.includes(field) && !(value === null && field.endsWith('@odata.bind')),
    ),
  );
}

/** Dataverse compares alternate keys without regard to case. */
function normalizedKey(fields: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(fields.map((field) => fieldText(row[field]).toUpperCase()));
}
