import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityRef, SourcePage } from '@p2c/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesConnector } from '../src/index.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'p2c-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const ref = (options?: Record<string, unknown>): EntityRef => ({
  entity: 'items',
  key: ['code'],
  fields: ['code', 'name', 'modified'],
  ...(options === undefined ? {} : { options }),
});

const lines = (...rows: object[]) => rows.map((row) => JSON.stringify(row) + '\n').join('');

async function readAll(options: Record<string, unknown> | undefined, checkpoint: SourcePage['checkpoint'] = null) {
  const pages: SourcePage[] = [];
  const source = new FilesConnector(folder).source(ref(options));
  for await (const page of source.read({ checkpoint, pageSize: 2 })) pages.push(page);
  return pages;
}

describe('FilesConnector', () => {
  it('reads a file in pages, ids from the key, and later only the lines changed since its watermark', async () => {
    writeFileSync(
      join(folder, 'items.jsonl'),
      lines(
        { code: 'A', name: 'Anvil', modified: '2026-01-01T00:00:00Z' },
        { code: 'B', name: 'Bolt', modified: '2026-01-03T00:00:00Z' },
        { code: 'C', name: 'Cog', modified: '2026-01-02T00:00:00Z' },
      ),
    );
    const full = await readAll({ modifiedField: 'modified' });
    expect(full.map((page) => page.records.map((record) => record.id))).toEqual([['A', 'B'], ['C']]);
    expect(full.at(-1)?.checkpoint).toEqual({ modifiedSince: '2026-01-03T00:00:00Z' });

    const later = await readAll({ modifiedField: 'modified' }, { modifiedSince: '2026-01-02T00:00:00Z' });
    expect(later.flatMap((page) => page.records.map((record) => record.id))).toEqual(['B', 'C']);
  });

  it('upserts by key: creates, updates, leaves the same values alone, and writes nothing on a dry run', async () => {
    const destination = new FilesConnector(folder).destination(ref());
    const request = (code: string, name: string) => ({ key: code, row: { code, name }, knownToExist: false });

    expect(await destination.write([request('A', 'Anvil'), request('B', 'Bolt')], { dryRun: false })).toEqual([
      { key: 'A', status: 'created' },
      { key: 'B', status: 'created' },
    ]);
    expect(await destination.write([request('A', 'Anvil'), request('B', 'Big bolt')], { dryRun: false })).toEqual([
      { key: 'A', status: 'unchanged' },
      { key: 'B', status: 'updated' },
    ]);
    expect(await destination.write([request('C', 'Cog')], { dryRun: true })).toEqual([{ key: 'C', status: 'created' }]);

    expect(readFileSync(join(folder, 'items.jsonl'), 'utf8')).toBe(
      lines({ code: 'A', name: 'Anvil' }, { code: 'B', name: 'Big bolt' }),
    );
  });

  it('reads nothing from a file that is not there, and names the line that is not JSON', async () => {
    expect((await readAll(undefined)).flatMap((page) => page.records)).toEqual([]);
    writeFileSync(join(folder, 'items.jsonl'), lines({ code: 'A' }) + '{oops\n');
    await expect(readAll(undefined)).rejects.toThrow(/items\.jsonl:2: not JSON/);
  });
});
