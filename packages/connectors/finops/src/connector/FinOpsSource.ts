import {
  ConfigError,
  parseEntityOptions,
  type Checkpoint,
  type EntityRef,
  type KeyHolder,
  type ReadOptions,
  type RecordSource,
  type SourcePage,
  type SourceRecord,
} from '@p2c/core';
import { formatKeyLiteral, type ODataClient, type QueryOptions } from '@p2c/odata';
import {
  finOpsCheckpointSchema,
  finOpsSourceOptionsSchema,
  type FinOpsCheckpoint,
  type FinOpsSourceOptions,
} from './FinOpsSourceOptions.js';
import { comparableRecordId, formatRecordId, parseRecordId } from './recordId.js';

type Row = Record<string, unknown>;

/** F&O never sends more than 10,000 rows a page. */
const MAX_PAGE_SIZE = 10_000;

/**
 * An F&O data entity read through OData: server-driven pages (`Prefer: odata.maxpagesize`),
 * across legal entities by default (`cross-company=true`), each row's id its key joined with
 * `|` (`usmf|ACC-01000-X`). Entities with a modified datetime field (named by
 * `options.modifiedField`) are read incrementally by a watermark; the others are read in full
 * every time and the runner's row hashes keep unchanged rows from being written. F&O numbers
 * its own records, so no key write-back is offered.
 */
export class FinOpsSource implements RecordSource {
  readonly entity: string;
  readonly #options: FinOpsSourceOptions;
  readonly #keyFields: readonly string[];

  constructor(
    private readonly client: ODataClient,
    private readonly ref: EntityRef,
    private readonly now: () => Date = () => new Date(),
  ) {
    const options = parseEntityOptions(finOpsSourceOptionsSchema, ref, 'F&O');
    if (ref.key.length === 0) {
      throw new ConfigError(
        `F&O entity ${ref.entity}: key: name the entity's key fields (e.g. dataAreaId, CustomerAccount)`,
        {
          code: 'ENTITY_OPTIONS_INVALID',
        },
      );
    }
    this.entity = ref.entity;
    this.#options = options;
    this.#keyFields = ref.key;
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const checkpoint = options.checkpoint === null ? null : parseCheckpoint(options.checkpoint);
    const { modifiedField } = this.#options;
    if (checkpoint && 'modifiedSince' in checkpoint && modifiedField !== undefined) {
      yield* this.#readSince(modifiedField, checkpoint.modifiedSince, options);
      return;
    }
    if (checkpoint && 'modifiedSince' in checkpoint) {
      options.log?.(`${this.entity} has no modifiedField any more; reading every record`);
    } else if (checkpoint && modifiedField !== undefined) {
      options.log?.(`${this.entity} is read by ${modifiedField} from now on; reading every record once`);
    }
    yield* this.#readAll(options);
  }

  /**
   * Everything in key order. With a modified field, the read ends with a watermark a little
   * before it started, so rows changed while it ran are read again next time; without one, it
   * only records when it started.
   */
  async *#readAll(options: ReadOptions): AsyncIterable<SourcePage> {
    const startedAt = this.now();
    const pages = this.client.pages<Row>(this.entity, {
      query: this.#scoped({ select: this.#select(), orderby: this.#keyFields.map((field) => `${field} asc`) }),
      maxPageSize: pageSizeOf(options.pageSize),
    });
    let pending: SourcePage | null = null;
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      if (pending) yield pending;
      pending = { records: this.#toRecords(page.value), checkpoint: null };
    }
    const checkpoint: FinOpsCheckpoint =
      this.#options.modifiedField === undefined
        ? { fullReadAt: startedAt.toISOString() }
        : { modifiedSince: new Date(startedAt.getTime() - this.#options.watermarkMarginSeconds * 1000).toISOString() };
    // The last page carries the checkpoint of the whole read.
    yield { records: pending?.records ?? [], checkpoint };
  }

  /** Rows modified at or after the watermark, in change order; the watermark ends at the last one. */
  async *#readSince(modifiedField: string, since: string, options: ReadOptions): AsyncIterable<SourcePage> {
    const pages = this.client.pages<Row>(this.entity, {
      query: this.#scoped({
        select: this.#select(),
        filter: `${modifiedField} ge ${since}`,
        orderby: [`${modifiedField} asc`, ...this.#keyFields.map((field) => `${field} asc`)],
      }),
      maxPageSize: pageSizeOf(options.pageSize),
    });
    let watermark = since;
    let pending: SourcePage | null = null;
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      if (pending) yield pending;
      const last = page.value.at(-1)?.[modifiedField];
      if (typeof last === 'string' && last !== '') watermark = last;
      pending = { records: this.#toRecords(page.value), checkpoint: null };
    }
    yield { records: pending?.records ?? [], checkpoint: { modifiedSince: watermark } };
  }

  async readByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    const wanted = new Map<string, string[]>();
    for (const id of ids) {
      const values = parseRecordId(id, this.#keyFields);
      if (values !== null) wanted.set(comparableRecordId(formatRecordId(this.#rowOf(values), this.#keyFields)), values);
    }
    const found = new Map<string, SourceRecord>();
    const keys = [...wanted.values()];
    const size = this.#options.lookupChunkSize;
    for (let start = 0; start < keys.length; start += size) {
      const filter = keys
        .slice(start, start + size)
        .map(
          (values) =>
            `(${this.#keyFields.map((field, i) => `${field} eq ${formatKeyLiteral(values[i] ?? '')}`).join(' and ')})`,
        )
        .join(' or ');
      // The filter names each row's company, so read across companies whatever the options say.
      for await (const page of this.client.pages<Row>(this.entity, {
        query: { select: this.#select(), filter, crossCompany: true },
      })) {
        for (const record of this.#toRecords(page.value)) found.set(comparableRecordId(record.id), record);
      }
    }
    // Only the rows asked for, in the order asked: F&O's `eq` treats `*` as a wildcard.
    return [...wanted.keys()].flatMap((id) => found.get(id) ?? []);
  }

  async *scanKeys(keyField: string, options: { pageSize: number; signal?: AbortSignal }): AsyncIterable<KeyHolder[]> {
    const pages = this.client.pages<Row>(this.entity, {
      query: this.#scoped({
        select: unique([...this.#keyFields, keyField]),
        orderby: this.#keyFields.map((field) => `${field} asc`),
      }),
      maxPageSize: pageSizeOf(options.pageSize),
    });
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      yield page.value.map((row) => {
        const value = row[keyField];
        return {
          id: formatRecordId(row, this.#keyFields),
          key: typeof value === 'string' && value !== '' ? value : null,
        };
      });
    }
  }

  async findIdsByKey(keyField: string, key: string): Promise<string[]> {
    const ids: string[] = [];
    const pages = this.client.pages<Row>(this.entity, {
      query: this.#scoped({
        select: unique([...this.#keyFields, keyField]),
        filter: `${keyField} eq ${formatKeyLiteral(key)}`,
      }),
    });
    for await (const page of pages) {
      for (const row of page.value) {
        // F&O's `eq` treats `*` as a wildcard and ignores case: keep the rows that hold this key.
        const value = row[keyField];
        if (typeof value === 'string' && value.toUpperCase() === key.toUpperCase())
          ids.push(formatRecordId(row, this.#keyFields));
      }
    }
    return ids;
  }

  /** The query with the legal entities this source reads. */
  #scoped(query: QueryOptions): QueryOptions {
    const { crossCompany, legalEntities } = this.#options;
    if (legalEntities === undefined) return { ...query, crossCompany };
    const companies = legalEntities.map((company) => `dataAreaId eq ${formatKeyLiteral(company)}`).join(' or ');
    const filter = query.filter === undefined ? `(${companies})` : `(${companies}) and (${query.filter})`;
    return { ...query, filter, crossCompany: true };
  }

  #select(): string[] {
    const { modifiedField } = this.#options;
    return unique([...this.#keyFields, ...(modifiedField === undefined ? [] : [modifiedField]), ...this.ref.fields]);
  }

  #toRecords(rows: Row[]): SourceRecord[] {
    return rows.map((row) => ({ id: formatRecordId(row, this.#keyFields), data: row }));
  }

  #rowOf(values: readonly string[]): Row {
    return Object.fromEntries(this.#keyFields.map((field, i) => [field, values[i] ?? '']));
  }
}

function parseCheckpoint(checkpoint: Checkpoint): FinOpsCheckpoint {
  const parsed = finOpsCheckpointSchema.safeParse(checkpoint);
  if (!parsed.success) {
    throw new ConfigError(
      'The stored checkpoint is not an F&O watermark or full-read mark; run once with --full to start afresh',
      {
        code: 'CHECKPOINT_INVALID',
      },
    );
  }
  return parsed.data;
}

function pageSizeOf(pageSize: number): number {
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
