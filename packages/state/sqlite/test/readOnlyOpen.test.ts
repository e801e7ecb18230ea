import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStateStore } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-state-ro-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStateStore.open with readOnly', () => {
  it('reads what was written, and writes nothing', async () => {
    const path = join(dir, 'state.db');
    const writer = await SqliteStateStore.open(path);
    const run = await writer.startRun({ templateId: 'accounts', mode: 'full' });
    await writer.close();

    const reader = await SqliteStateStore.open(path, { readOnly: true });
    try {
      expect((await reader.listRuns({ limit: 10 })).map((r) => r.id)).toEqual([run.id]);
      await expect(reader.startRun({ templateId: 'accounts', mode: 'full' })).rejects.toThrow(/SQLITE_READONLY/);
    } finally {
      await reader.close();
    }
  });

  it('reads a missing file as an empty store without creating it or its folder', async () => {
    const path = join(dir, 'not-yet', 'state.db');
    const reader = await SqliteStateStore.open(path, { readOnly: true });
    expect(await reader.listRuns({ limit: 10 })).toEqual([]);
    await reader.close();
    expect(existsSync(join(dir, 'not-yet'))).toBe(false);
  });

  it('names a file that is not a database and says what to do', async () => {
    const path = join(dir, 'state.db');
    writeFileSync(path, 'plain text, not SQLite; '.repeat(50));
    await expect(SqliteStateStore.open(path, { readOnly: true })).rejects.toThrow(
      `The state database ${path} is not a readable SQLite database (corrupt, or another file): restore it from a backup`,
    );
  });
});
