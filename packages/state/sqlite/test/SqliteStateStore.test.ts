import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { emptyCounts, type PageCommit, type StateStore } from '@p2c/core';
import { SqliteStateStore } from '../src/index.js';
import { migrate } from '../src/schema/migrate.js';
import { migrations } from '../src/schema/migrations.js';
import { describeStateStoreContract } from './stateStoreContract.js';

const root = mkdtempSync(join(tmpdir(), 'p2c-state-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A path in a folder that does not exist yet, so every open also creates its parent. */
const freshPath = () => join(root, randomUUID(), 'state', 'p2c.db');

describeStateStoreContract(':memory:', (options) => SqliteStateStore.open(':memory:', options));
{
  const paths = new WeakMap<StateStore, string>();
  describeStateStoreContract(
    'file',
    async (options) => {
      const path = freshPath();
      const store = await SqliteStateStore.open(path, options);
      paths.set(store, path);
      return store;
    },
    {
      openPeer: (store) => {
        const path = paths.get(store);
        if (path === undefined) throw new Error('The store was not opened by this suite');
        return SqliteStateStore.open(path);
      },
    },
  );
}

describe('SqliteStateStore on a file', () => {
  const opened: SqliteStateStore[] = [];
  const open = async (path: string, options?: Parameters<typeof SqliteStateStore.open>[1]) => {
    const store = await SqliteStateStore.open(path, options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  const render = (counter: number) => `ACC-${String(counter).padStart(5, '0')}-BVRCPS`;
  const page = (runId: string, rest: Partial<PageCommit>): PageCommit => ({
    runId,
    taskKey: 'accounts/Accounts',
    counts: {},
    failures: [],
    succeeded: [],
    deleted: [],
    written: [],
    checkpoint: null,
    ...rest,
  });

  it('creates its folder, journals in WAL mode and records the migrations it applied', async () => {
    const path = freshPath();
    await (await open(path)).close();

    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    } finally {
      raw.close();
    }
  });

  it('keeps everything across close and reopen, and applies no migration twice', async () => {
    const path = freshPath();
    const first = await open(path);
    const run = await first.startRun({ templateId: 'accounts', mode: 'full' });
    await first.commitPage(
      page(run.id, {
        counts: { read: 2, created: 1, failed: 1 },
        failures: [
          {
            taskId: 'Accounts',
            sourceId: 'a2',
            key: null,
            naturalKey: null,
            code: 'MISSING_KEY',
            message: 'no number',
          },
        ],
        written: [{ key: 'ACC-01000-BVRCPS', hash: 'h1' }],
        checkpoint: { modifiedon: '2024-05-01T00:00:00Z' },
      }),
    );
    const ended = await first.finishRun(run.id, { status: 'Warning' });
    await first.putKeys('accounts', [
      { id: 'a1', key: 'ACC-1' },
      { id: 'a2', key: 'ACC-1' },
    ]);
    const kept = await first.reserveSequenceValue('account-number', 'a3', 1000, render);
    await first.reserveSequenceValue('account-number', 'a4', 1000, render);
    await first.confirmSequenceValue('account-number', 'a4');
    await first.close();

    const second = await open(path);
    expect(await second.getRun(run.id)).toEqual(ended);
    expect(await second.listFailures(run.id, { limit: 10 })).toHaveLength(1);
    expect(await second.getCheckpoint('accounts/Accounts')).toEqual({ modifiedon: '2024-05-01T00:00:00Z' });
    expect(await second.getHashes('accounts/Accounts', ['ACC-01000-BVRCPS'])).toEqual(
      new Map([['ACC-01000-BVRCPS', 'h1']]),
    );
    expect(await second.findDuplicateKeys('accounts')).toEqual(new Map([['ACC-1', ['a1', 'a2']]]));
    expect(await second.reserveSequenceValue('account-number', 'a3', 1000, render)).toEqual({
      value: kept.value,
      reused: true,
    });
    expect(await second.reserveSequenceValue('account-number', 'a5', 1000, render)).toEqual({
      value: 'ACC-01002-BVRCPS',
      reused: false,
    });
  });

  it("lets two stores on one file see each other's commits", async () => {
    const path = freshPath();
    const [a, b] = [await open(path), await open(path)];

    const run = await a.startRun({ templateId: 'accounts', mode: 'incremental' });
    expect((await b.getRun(run.id))?.status).toBe('Running');

    await b.commitPage(page(run.id, { counts: { read: 4, created: 4 }, checkpoint: { at: 'b' } }));
    await a.commitPage(page(run.id, { counts: { read: 1, unchanged: 1 } }));
    expect((await a.getRun(run.id))?.counts).toMatchObject({ read: 5, created: 4, unchanged: 1 });
    expect(await a.getCheckpoint('accounts/Accounts')).toEqual({ at: 'b' });

    await a.putKeys('accounts', [{ id: 'a1', key: 'ACC-1' }]);
    await b.putKeys('accounts', [{ id: 'a2', key: 'ACC-1' }]);
    expect(await a.findDuplicateKeys('accounts', ['ACC-1'])).toEqual(new Map([['ACC-1', ['a1', 'a2']]]));

    const values = [];
    for (let i = 0; i < 20; i += 1) {
      const store = i % 2 === 0 ? a : b;
      values.push((await store.reserveSequenceValue('account-number', `owner-${i}`, 1, render)).value);
    }
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => render(i + 1)));

    expect(await b.markInterrupted('accounts')).toBe(1);
    expect((await a.getRun(run.id))?.status).toBe('Interrupted');
  });

  it('upgrades a file written before deletions, pending records and locks, keeping its runs', async () => {
    const path = freshPath();
    mkdirSync(dirname(path), { recursive: true });
    const raw = new Database(path);
    migrate(
      raw,
      migrations.filter((step) => step.version <= 4),
      () => new Date('2025-01-01T00:00:00.000Z'),
    );
    raw
      .prepare(
        "INSERT INTO runs (id, template_id, mode, status, started_at, read_count) VALUES ('old-run', 'accounts', 'full', 'Warning', 'x', 7)",
      )
      .run();
    raw.close();

    const store = await open(path);
    expect((await store.getRun('old-run'))?.counts).toEqual({ ...emptyCounts(), read: 7 });
    expect(await store.listDeletions('old-run', { limit: 10 })).toEqual([]);
    expect(await store.acquireLock('accounts/Accounts', { id: 'me', host: 'h', pid: 1 }, 1_000)).toEqual({
      acquired: true,
    });
  });

  it('refuses a lock time to live that is not a whole number of milliseconds above zero', async () => {
    const store = await open(':memory:');
    const owner = { id: 'me', host: 'h', pid: 1 };
    await expect(store.acquireLock('accounts', owner, 0)).rejects.toThrow(RangeError);
    await expect(store.acquireLock('accounts', owner, 1.5)).rejects.toThrow(RangeError);
    await expect(store.renewLock('accounts', owner.id, Number.NaN)).rejects.toThrow(RangeError);
    expect(await store.acquireLock('accounts', { ...owner, id: 'other' }, 1_000)).toEqual({ acquired: true });
  });

  it('refuses a database written by a newer p2c', async () => {
    const path = freshPath();
    await (await open(path)).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')").run();
    raw.close();

    await expect(SqliteStateStore.open(path)).rejects.toMatchObject({ kind: 'fatal', code: 'STATE_SCHEMA_TOO_NEW' });
  });

  it('reports a write lock held past the busy timeout as transient', async () => {
    const path = freshPath();
    const store = await open(path, { busyTimeoutMs: 20 });
    const other = new Database(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(store.startRun({ templateId: 'accounts', mode: 'full' })).rejects.toMatchObject({
        kind: 'transient',
        code: 'STATE_STORE_BUSY',
      });
      expect(await store.listRuns({ limit: 5 })).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.startRun({ templateId: 'accounts', mode: 'full' })).status).toBe('Running');
  });

  it('reports a constraint the page breaks as a fatal store error', async () => {
    const store = await open(':memory:');
    const run = await store.startRun({ templateId: 'accounts', mode: 'full' });
    const bad = {
      taskId: 'Accounts',
      sourceId: 'a1',
      key: null,
      code: 'X',
      message: null,
    } as unknown as PageCommit['failures'][number];

    await expect(store.commitPage(page(run.id, { failures: [bad] }))).rejects.toMatchObject({
      kind: 'fatal',
      code: 'STATE_STORE_FAILED',
    });
  });

  it('refuses negative or fractional counts', async () => {
    const store = await open(':memory:');
    const run = await store.startRun({ templateId: 'accounts', mode: 'full' });
    await expect(store.commitPage(page(run.id, { counts: { read: -1 } }))).rejects.toThrow(RangeError);
    await expect(store.commitPage(page(run.id, { counts: { created: 1.5 } }))).rejects.toThrow(RangeError);
    expect((await store.getRun(run.id))?.counts.read).toBe(0);
  });

  it('stamps runs with the clock it was given', async () => {
    let now = new Date('2025-01-02T03:04:05.000Z');
    const store = await open(':memory:', { now: () => now });

    const run = await store.startRun({ templateId: 'accounts', mode: 'full' });
    const other = await store.startRun({ templateId: 'accounts', mode: 'full' });
    now = new Date('2025-01-02T03:09:00.000Z');
    const ended = await store.finishRun(run.id, { status: 'Completed' });
    now = new Date('2025-01-02T04:00:00.000Z');
    await store.markInterrupted('accounts');

    expect(run.startedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(ended.finishedAt).toBe('2025-01-02T03:09:00.000Z');
    expect((await store.getRun(other.id))?.finishedAt).toBe('2025-01-02T04:00:00.000Z');
    // Same start instant: the run started later still lists first.
    expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual([other.id, run.id]);
  });

  it('refuses calls once closed', async () => {
    const store = await open(':memory:');
    await store.close();
    await store.close();
    await expect(store.getRun(randomUUID())).rejects.toMatchObject({ code: 'STATE_STORE_CLOSED' });
  });

  // Its speed is the bench's to measure, not a test's (a loaded machine fails any time limit).
  it('commits a page of 5,000 hashes and succeeded ids, clearing the pending failures they succeed', async () => {
    const store = await open(freshPath());
    const run = await store.startRun({ templateId: 'accounts', mode: 'full' });
    const written = (offset: number) =>
      Array.from({ length: 5_000 }, (_, i) => ({ key: `ACC-${offset + i}-BVRCPS`, hash: randomUUID() }));
    const failures = Array.from({ length: 100 }, (_, i) => ({
      taskId: 'Accounts',
      sourceId: `source-${i}`,
      key: null,
      naturalKey: null,
      code: 'X',
      message: 'x',
    }));
    await store.commitPage(page(run.id, { written: written(0), failures }));

    const next = page(run.id, {
      counts: { read: 5_000, created: 5_000 },
      succeeded: Array.from({ length: 5_000 }, (_, i) => `source-${i}`),
      written: written(5_000),
      checkpoint: { at: 'x' },
    });
    expect(await store.listPending('accounts/Accounts', { limit: 10 })).toHaveLength(10);
    await store.commitPage(next);

    expect(await store.listPending('accounts/Accounts', { limit: 10 })).toEqual([]);
  });
});
