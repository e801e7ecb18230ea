import type {
  KeyAssignment,
  KeyAssignmentOutcome,
  KeyHolder,
  ReadOptions,
  RecordSource,
  SourcePage,
  SourceRecord,
} from '../../src/connectors/index.js';
import { scalarText } from '../../src/mapping/index.js';

/**
 * Sales accounts in memory. Each record carries a `modifiedon` number; the checkpoint is the
 * highest one read, as a watermark source would keep it.
 */
export class FakeSource implements RecordSource {
  readonly entity = 'accounts';
  readonly records: SourceRecord[];
  /** Key write-backs, in order, so a test can see they happened before the destination write. */
  readonly keyWrites: KeyAssignment[] = [];
  scanKeys?: RecordSource['scanKeys'];

  constructor(records: { id: string; [field: string]: unknown }[], options: { scan?: boolean } = {}) {
    this.records = records.map(({ id, ...data }, index) => ({ id, data: { modifiedon: index + 1, ...data } }));
    if (options.scan !== false) this.scanKeys = this.#scanKeys;
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const after = Number(options.checkpoint?.['modifiedon'] ?? 0);
    const changed = this.records.filter((r) => Number(r.data['modifiedon']) > after);
    for (let start = 0; start < changed.length; start += options.pageSize) {
      const records = changed.slice(start, start + options.pageSize).map((r) => ({ id: r.id, data: { ...r.data } }));
      yield { records, checkpoint: { modifiedon: Number(records.at(-1)!.data['modifiedon']) } };
    }
  }

  async readByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    const wanted = new Set(ids);
    return this.records.filter((r) => wanted.has(r.id)).map((r) => ({ id: r.id, data: { ...r.data } }));
  }

  async *#scanKeys(keyField: string): AsyncIterable<KeyHolder[]> {
    yield this.records.map((r) => ({ id: r.id, key: typeof r.data[keyField] === 'string' ? r.data[keyField] : null }));
  }

  async findIdsByKey(keyField: string, key: string): Promise<string[]> {
    return this.records
      .filter((r) => (scalarText(r.data[keyField]) ?? '').toUpperCase() === key.toUpperCase())
      .map((r) => r.id);
  }

  async writeKeys(keyField: string, assignments: KeyAssignment[]): Promise<KeyAssignmentOutcome[]> {
    return assignments.map(({ id, key }) => {
      this.keyWrites.push({ id, key });
      this.records.find((r) => r.id === id)!.data[keyField] = key;
      return { id, ok: true as const };
    });
  }
}
