import {
  ConfigError,
  parseEntityOptions,
  type Checkpoint,
  type EntityRef,
  type FieldUpdate,
  type KeyAssignment,
  type KeyAssignmentOutcome,
  type KeyHolder,
  type ReadOptions,
  type RecordSource,
  type SourcePage,
  type SourceRecord,
} from '@p2c/core';
import { ODataError, formatKeyLiteral, guid, relativeServiceLink, type ODataClient } from '@p2c/odata';
import {
  dataverseCheckpointSchema,
  dataverseEntityOptionsSchema,
  type DataverseCheckpoint,
  type DataverseEntityOptions,
} from './DataverseEntityOptions.js';
import { LookupResolver } from './LookupResolver.js';

type Row = Record<string, unknown>;

/** Labels of option sets come with the rows: value maps are written against what users see. */
const FORMATTED_VALUES = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"';
const TRACK_CHANGES = 'odata.track-changes';

/** A delta response's entry for a deleted row: `{"@odata.context":"…/$deletedEntity","id":"…","reason":"deleted"}`. */
function isDeletedEntity(row: Row): boolean {
  const context = row['@odata.context'];
  return typeof context === 'string' && context.endsWith('$deletedEntity');
}

/**
 * A Dataverse table read through the Web API: pages with `Prefer: odata.maxpagesize`, changes
 * by change tracking (the delta link is the checkpoint; deleted rows come back as
 * `$deletedEntity`) or, for tables without it, by a `modifiedon` watermark, and natural-key
 * write-back with optimistic concurrency (a row changed since it was read is not overwritten).
 */
export class DataverseSource implements RecordSource {
  readonly entity: string;
  readonly #options: DataverseEntityOptions;
  readonly #lookups: LookupResolver;
  /** ETags of rows read without a key, for the write-back of a generated one. */
  readonly #etags = new Map<string, string>();

  constructor(
    private readonly client: ODataClient,
    private readonly ref: EntityRef,
    private readonly now: () => Date = () => new Date(),
  ) {
    const options = parseEntityOptions(dataverseEntityOptionsSchema, ref, 'Dataverse');
    this.entity = ref.entity;
    this.#options = options;
    this.#lookups = new LookupResolver(client, options.lookups);
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const checkpoint = options.checkpoint === null ? null : parseCheckpoint(options.checkpoint);
    if (checkpoint && 'deltaLink' in checkpoint) {
      yield* this.#readDelta(checkpoint.deltaLink, options);
    } else if (checkpoint) {
      yield* this.#readSince(checkpoint.modifiedSince, options);
    } else {
      yield* this.#readAll(options);
    }
  }

  async readByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    const { idField } = this.#options;
    const records: SourceRecord[] = [];
    // Bounded by the length of a URL: a few dozen ids per request.
    for (let start = 0; start < ids.length; start += 50) {
      const filter = ids
        .slice(start, start + 50)
        .map((id) => `${idField} eq ${formatKeyLiteral(guid(id))}`)
        .join(' or ');
      for await (const page of this.client.pages<Row>(this.entity, {
        query: { select: this.#select(), filter },
        headers: { Prefer: FORMATTED_VALUES },
      })) {
        records.push(...(await this.#toRecords(page.value)));
      }
    }
    return records;
  }

  /**
   * Everything, with change tracking when the table has it: the last page then carries the
   * delta link the next run starts from. Without it, the read goes in id order (rows changing
   * under it cannot reorder it) and ends with a watermark a little before it started.
   */
  async *#readAll(options: ReadOptions): AsyncIterable<SourcePage> {
    const { idField, changeTracking } = this.#options;
    const startedAt = this.now();
    const pages = this.client.pages<Row>(this.entity, {
      query: changeTracking ? { select: this.#select() } : { select: this.#select(), orderby: [`${idField} asc`] },
      maxPageSize: options.pageSize,
      headers: { Prefer: changeTracking ? `${TRACK_CHANGES},${FORMATTED_VALUES}` : FORMATTED_VALUES },
    });
    let deltaLink: string | undefined;
    let pending: SourcePage | null = null;
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      if (pending) yield pending;
      pending = { records: await this.#toRecords(page.value), checkpoint: null };
      deltaLink = page.deltaLink ?? deltaLink;
    }
    let checkpoint: DataverseCheckpoint;
    if (deltaLink) {
      checkpoint = { deltaLink: this.#storedLink(deltaLink) };
    } else {
      if (changeTracking)
        options.log?.(
          `${this.entity} has no change tracking; later runs read changes by ${this.#options.modifiedField}`,
        );
      checkpoint = {
        modifiedSince: new Date(startedAt.getTime() - this.#options.watermarkMarginSeconds * 1000).toISOString(),
      };
    }
    // The last page carries the checkpoint of the whole read.
    yield { records: pending?.records ?? [], checkpoint };
  }

  /** What changed since the delta link: changed rows, then deleted ones, and the next link. */
  async *#readDelta(stored: string, options: ReadOptions): AsyncIterable<SourcePage> {
    const link = relativeServiceLink(stored, this.client.serviceUrl);
    if (link === undefined) {
      throw new ConfigError(
        `The stored delta link of ${this.entity} is not a link of the service at ${this.client.serviceUrl} (did the connection's url change?); run once with --full to read everything again`,
        { code: 'CHECKPOINT_FOREIGN' },
      );
    }
    const pages = this.client.pages<Row>(link, {
      maxPageSize: options.pageSize,
      headers: { Prefer: `${TRACK_CHANGES},${FORMATTED_VALUES}` },
    });
    let deltaLink: string | undefined;
    let pending: SourcePage | null = null;
    try {
      for await (const page of pages) {
        options.signal?.throwIfAborted();
        if (pending) yield pending;
        const deleted = page.value.filter(isDeletedEntity).map((entry) => String(entry['id']));
        const changed = page.value.filter((row) => !isDeletedEntity(row));
        pending = { records: await this.#toRecords(changed), deleted, checkpoint: null };
        deltaLink = page.deltaLink ?? deltaLink;
      }
    } catch (error) {
      // Dataverse refuses a token it no longer keeps (older than its retention): start afresh.
      if (pending === null && error instanceof ODataError && error.kind === 'record') {
        options.log?.(`the change-tracking token was refused (${error.message}); reading every record again`);
        yield* this.#readAll(options);
        return;
      }
      throw error;
    }
    yield {
      records: pending?.records ?? [],
      deleted: pending?.deleted ?? [],
      checkpoint: deltaLink ? { deltaLink: this.#storedLink(deltaLink) } : null,
    };
  }

  /** Rows modified since the watermark, in change order so the watermark moves page by page. */
  async *#readSince(since: string, options: ReadOptions): AsyncIterable<SourcePage> {
    const { idField, modifiedField } = this.#options;
    const pages = this.client.pages<Row>(this.entity, {
      query: {
        select: this.#select(),
        filter: `${modifiedField} ge ${since}`,
        orderby: [`${modifiedField} asc`, `${idField} asc`],
      },
      maxPageSize: options.pageSize,
      headers: { Prefer: FORMATTED_VALUES },
    });
    let watermark = since;
    let pending: SourcePage | null = null;
    for await (const page of pages) {
      options.signal?.throwIfAborted();
      if (pending) yield pending;
      const last = page.value.at(-1)?.[modifiedField];
      if (typeof last === 'string') watermark = last;
      pending = { records: await this.#toRecords(page.value), checkpoint: { modifiedSince: watermark } };
    }
    yield { records: pending?.records ?? [], checkpoint: { modifiedSince: watermark } };
  }

  /** A delta link as the checkpoint keeps it: relative to the service, so a renamed host keeps it valid. */
  #storedLink(deltaLink: string): string {
    return relativeServiceLink(deltaLink, this.client.serviceUrl) ?? deltaLink;
  }

  #select(): string[] {
    const { idField, modifiedField } = this.#options;
    return unique([idField, modifiedField, ...this.ref.fields, ...this.#lookups.columns]);
  }

  async #toRecords(rows: Row[]): Promise<SourceRecord[]> {
    await this.#lookups.resolve(rows);
    return rows.map((row) => this.#toRecord(row));
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
        const value = row[keyField];
        const key = typeof value === 'string' && value !== '' ? value : null;
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
    const outcomes = await this.#patch(
      assignments.map(({ id, key }) => ({ id, values: { [keyField]: key } })),
      (id) => this.#etags.get(id) ?? '*',
    );
    for (const { id } of assignments) this.#etags.delete(id);
    return outcomes;
  }

  /** Field updates of rows that exist (`If-Match: *`: a row deleted since is a 404, never created). */
  async updateFields(updates: FieldUpdate[]): Promise<KeyAssignmentOutcome[]> {
    return this.#patch(updates, () => '*');
  }

  async #patch(updates: FieldUpdate[], ifMatch: (id: string) => string): Promise<KeyAssignmentOutcome[]> {
    if (updates.length === 0) return [];
    // Independent requests with continue-on-error: one row that changed since it was read
    // (412) or vanished (404) fails alone.
    const results = await this.client.batch(
      updates.map(({ id, values }) => ({
        method: 'PATCH' as const,
        url: `${this.entity}(${id})`,
        headers: { 'If-Match': ifMatch(id) },
        body: values,
      })),
      { continueOnError: true },
    );
    return updates.map(({ id }, index) => {
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

  #toRecord(row: Row): SourceRecord {
    const id = String(row[this.#options.idField]);
    const key = this.ref.key[0];
    if (key !== undefined && (row[key] === null || row[key] === undefined || row[key] === ''))
      this.#rememberEtag(id, row);
    return { id, data: row };
  }

  #rememberEtag(id: string, row: Row): void {
    const etag = row['@odata.etag'];
    if (typeof etag === 'string') this.#etags.set(id, etag);
  }
}

function parseCheckpoint(checkpoint: Checkpoint): DataverseCheckpoint {
  const parsed = dataverseCheckpointSchema.safeParse(checkpoint);
  if (!parsed.success) {
    throw new ConfigError(
      'The stored checkpoint is not a Dataverse delta link or watermark; run once with --full to start afresh',
      { code: 'CHECKPOINT_INVALID' },
    );
  }
  return parsed.data;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
