import {
  ConfigError,
  type Checkpoint,
  type EntityRef,
  type KeyAssignment,
  type KeyAssignmentOutcome,
  type KeyHolder,
  type ReadOptions,
  type RecordSource,
  type SourcePage,
} from '@p2c/core';
import { formatKeyLiteral, type ODataClient } from '@p2c/odata';
import {
  dataverseCheckpointSchema,
  dataverseEntityOptionsSchema,
  type DataverseEntityOptions,
} from './DataverseEntityOptions.js';

type Row = Record<string, unknown>;

/** Labels of option sets come with the rows: value maps are written against what users see. */
const FORMATTED_VALUES = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"';

/**
 * A Dataverse table read through the Web API: pages with `Prefer: odata.maxpagesize`, a
 * `modifiedon` watermark for incremental reads, and natural-key write-back with optimistic
 * concurrency (a row changed since it was read is not overwritten).
 */
export class DataverseSource implements RecordSource {
  readonly entity: string;
  readonly #options: DataverseEntityOptions;
  /** ETags of rows read without a key, for the write-back of a generated one. */
  readonly #etags = new Map<string, string>();

  constructor(
    private readonly client: ODataClient,
    private readonly ref: EntityRef,
    private readonly now: () => Date = () => new Date(),
  ) {
    const parsed = dataverseEntityOptionsSchema.safeParse(ref.options ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`Dataverse entity ${ref.entity}: options.${issue?.path.join('.')}: ${issue?.message}`, {
        code: 'ENTITY_OPTIONS_INVALID',
      });
    }
    this.entity = ref.entity;
    this.#options = parsed.data;
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const { idField, modifiedField, expand } = this.#options;
    const since = options.checkpoint === null ? null : parseCheckpoint(options.checkpoint);
    const startedAt = this.now();
    const select = unique([idField, modifiedField, ...this.ref.fields]);
    // A full read goes in id order, which rows changing under it cannot reorder; an incremental
    // one goes in change order, so its checkpoint can move page by page.
    const pages = this.client.pages<Row>(this.entity, {
      query: {
        select,
        ...(since ? { filter: `${modifiedField} ge ${since}` } : {}),
        orderby: since ? [`${modifiedField} asc`, `${idField} asc`] : [`${idField} asc`],
        ...(expand ? { expand } : {}),
      },
      maxPageSize: options.pageSize,
      headers: { Prefer: FORMATTED_VALUES },
    });
    let watermark = since;
    let pending: SourcePage | null = null;
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      if (pending) yield pending;
      const records = page.value.map((row) => this.#toRecord(row));
      if (since) {
        const last = page.value.at(-1)?.[modifiedField];
        if (typeof last === 'string') watermark = last;
      }
      pending = { records, checkpoint: since && watermark ? { modifiedSince: watermark } : null };
    }
    // The last page carries the checkpoint of the whole read.
    const final: Checkpoint = since
      ? { modifiedSince: watermark ?? since }
      : { modifiedSince: new Date(startedAt.getTime() - this.#options.watermarkMarginSeconds * 1000).toISOString() };
    yield { records: pending?.records ?? [], checkpoint: final };
  }

  async *scanKeys(keyField: string, options: { pageSize: number; signal?: AbortSignal }): AsyncIterable<KeyHolder[]> {
    const { idField } = this.#options;
    const pages = this.client.pages<Row>(this.entity, {
      query: { select: [idField, keyField], orderby: [`${idField} asc`] },
      maxPageSize: options.pageSize,
    });
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      yield page.value.map((row) => {
        const id = String(row[idField]);
        const key = typeof row[keyField] === 'string' && row[keyField] !== '' ? (row[keyField] as string) : null;
        if (key === null) this.#rememberEtag(id, row);
        return { id, key };
      });
    }
  }

  async findIdsByKey(keyField: string, key: string): Promise<string[]> {
    const { idField } = this.#options;
    const body = await this.client.get<{ value: Row[] }>(this.entity, {
      query: { select: [idField], filter: `${keyField} eq ${formatKeyLiteral(key)}` },
    });
    return body.value.map((row) => String(row[idField]));
  }

  async writeKeys(keyField: string, assignments: KeyAssignment[]): Promise<KeyAssignmentOutcome[]> {
    if (assignments.length === 0) return [];
    // Independent requests with continue-on-error: one row that changed since it was read
    // (412) or vanished (404) fails alone.
    const results = await this.client.batch(
      assignments.map(({ id, key }) => ({
        method: 'PATCH' as const,
        url: `${this.entity}(${id})`,
        headers: { 'If-Match': this.#etags.get(id) ?? '*' },
        body: { [keyField]: key },
      })),
      { continueOnError: true },
    );
    return assignments.map(({ id }, index) => {
      this.#etags.delete(id);
      const result = results[index];
      if (result && result.status >= 200 && result.status < 300) return { id, ok: true };
      const status = result?.status;
      const reason =
        status === 412
          ? 'the record changed in Sales since it was read; it is tried again next run'
          : (result?.error?.message ?? `HTTP ${status ?? 'no answer'}`);
      return { id, ok: false, message: reason };
    });
  }

  #toRecord(row: Row): { id: string; data: Row } {
    const id = String(row[this.#options.idField]);
    const key = this.ref.key[0];
    if (key !== undefined && (row[key] === null || row[key] === undefined || row[key] === '')) this.#rememberEtag(id, row);
    return { id, data: row };
  }

  #rememberEtag(id: string, row: Row): void {
    const etag = row['@odata.etag'];
    if (typeof etag === 'string') this.#etags.set(id, etag);
  }
}

function parseCheckpoint(checkpoint: Checkpoint): string {
  const parsed = dataverseCheckpointSchema.safeParse(checkpoint);
  if (!parsed.success) {
    throw new ConfigError(
      'The stored checkpoint is not a Dataverse watermark; run once with --full to start afresh',
      { code: 'CHECKPOINT_INVALID' },
    );
  }
  return parsed.data.modifiedSince;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
