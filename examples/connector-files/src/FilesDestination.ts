import { join } from 'node:path';
import {
  parseEntityOptions,
  type EntityRef,
  type RecordDestination,
  type WriteOptions,
  type WriteOutcome,
  type WriteRequest,
} from '@p2c/core';
import { readJsonLines, writeJsonLines, type JsonObject } from './jsonLines.js';
import { filesDestinationOptionsSchema } from './options.js';

/**
 * One entity set kept in `<folder>/<entity>.jsonl`: each batch upserts lines by the task's key
 * fields and replaces the file crash-safely. Batches are written one after another.
 */
export class FilesDestination implements RecordDestination {
  readonly entity: string;
  readonly #path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    folder: string,
    private readonly ref: EntityRef,
  ) {
    this.entity = ref.entity;
    this.#path = join(folder, ref.entity + '.jsonl');
    parseEntityOptions(filesDestinationOptionsSchema, ref, 'files');
  }

  write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const written = this.#queue.then(() => this.#write(batch, options));
    this.#queue = written.catch(() => undefined);
    return written;
  }

  async #write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const rows = new Map<string, JsonObject>();
    for await (const row of readJsonLines(this.#path)) rows.set(this.#keyOf(row), row);
    const outcomes = batch.map((request): WriteOutcome => {
      const key = this.#keyOf(request.row);
      const existing = rows.get(key);
      if (existing !== undefined && sameValues(existing, request.row)) return { key: request.key, status: 'unchanged' };
      rows.set(key, { ...existing, ...request.row });
      return { key: request.key, status: existing === undefined ? 'created' : 'updated' };
    });
    const changed = outcomes.some((outcome) => outcome.status !== 'unchanged');
    if (changed && !options.dryRun) await writeJsonLines(this.#path, rows.values());
    return outcomes;
  }

  #keyOf(row: JsonObject): string {
    return JSON.stringify(this.ref.key.map((field) => row[field] ?? null));
  }
}

/** Whether every field the request writes already holds that value. */
function sameValues(existing: JsonObject, row: JsonObject): boolean {
  return Object.entries(row).every(([field, value]) => JSON.stringify(existing[field]) === JSON.stringify(value));
}
