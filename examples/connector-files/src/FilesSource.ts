import { join } from 'node:path';
import {
  parseEntityOptions,
  type Checkpoint,
  type EntityRef,
  type ReadOptions,
  type RecordSource,
  type SourcePage,
  type SourceRecord,
} from '@p2c/core';
import { readJsonLines, type JsonObject } from './jsonLines.js';
import { filesCheckpointSchema, filesSourceOptionsSchema, type FilesSourceOptions } from './options.js';

/** One entity set read from `<folder>/<entity>.jsonl`, in pages, fully or by a watermark. */
export class FilesSource implements RecordSource {
  readonly entity: string;
  readonly #path: string;
  readonly #options: FilesSourceOptions;

  constructor(
    folder: string,
    private readonly ref: EntityRef,
  ) {
    this.entity = ref.entity;
    this.#path = join(folder, ref.entity + '.jsonl');
    this.#options = parseEntityOptions(filesSourceOptionsSchema, ref, 'files');
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const { modifiedField } = this.#options;
    const since = this.#since(options.checkpoint);
    // Lines at the watermark are read again: one written in the same instant is not missed.
    let watermark = since;
    let records: SourceRecord[] = [];
    for await (const row of readJsonLines(this.#path)) {
      if (modifiedField !== undefined) {
        const modified = row[modifiedField];
        if (typeof modified === 'string' && (watermark === undefined || modified > watermark)) watermark = modified;
        if (since !== undefined && !(typeof modified === 'string' && modified >= since)) continue;
      }
      records.push({ id: this.#idOf(row), data: row });
      if (records.length === options.pageSize) {
        yield { records, checkpoint: null };
        records = [];
      }
    }
    const checkpoint = modifiedField !== undefined && watermark !== undefined ? { modifiedSince: watermark } : null;
    yield { records, checkpoint };
  }

  async readByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    const wanted = new Set(ids);
    const found: SourceRecord[] = [];
    for await (const row of readJsonLines(this.#path)) {
      const id = this.#idOf(row);
      if (wanted.has(id)) found.push({ id, data: row });
    }
    return found;
  }

  #since(checkpoint: Checkpoint | null): string | undefined {
    if (checkpoint === null || this.#options.modifiedField === undefined) return undefined;
    const parsed = filesCheckpointSchema.safeParse(checkpoint);
    return parsed.success ? parsed.data.modifiedSince : undefined;
  }

  #idOf(row: JsonObject): string {
    const { idField } = this.#options;
    const parts = idField === undefined ? this.ref.key.map((field) => row[field]) : [row[idField]];
    return parts.map(idPart).join('|');
  }
}

/** One part of an id as text: a missing value is empty, anything not scalar its JSON. */
function idPart(part: unknown): string {
  if (part === undefined || part === null) return '';
  if (typeof part === 'string') return part;
  if (typeof part === 'number' || typeof part === 'boolean') return String(part);
  return JSON.stringify(part);
}
