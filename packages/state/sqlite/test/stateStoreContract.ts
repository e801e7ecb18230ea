import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countsOf,
  emptyCounts,
  naturalKey,
  RUN_COUNT_NAMES,
  type Checkpoint,
  type KeyHolder,
  type LockOwner,
  type PageCommit,
  type RecordDeletion,
  type RecordExclusion,
  type RecordFailure,
  type RecordKeyChange,
  type RunCountName,
  type RunRecord,
  type StateStore,
} from '@p2c/core';

/** A page's outcomes as the history shows them: `page` adds each key's indexed form. */
type PageOf = Partial<Omit<PageCommit, 'failures' | 'excluded' | 'synced'>> & {
  failures?: RecordFailure[];
  excluded?: RecordExclusion[];
  synced?: string[];
};

export interface ContractStoreOptions {
  /** The clock the store reads for every timestamp and lease; absent means the real one. */
  now?: () => Date;
}

export interface ContractSharing {
  /** A second store over the same data as `store`, as another process would open it. */
  openPeer: (store: StateStore) => Promise<StateStore>;
}

/**
 * The behaviour every StateStore must show, whatever keeps the data. Each test names its own
 * templates, tasks, scopes, sequences and locks, so the suite also holds against a store shared
 * between tests (a PostgreSQL database, say). `open` must honour `now`. Give `sharing` when two
 * stores can share data (a file, a server; not `:memory:`) to also check they contend safely.
 */
export function describeStateStoreContract(
  name: string,
  open: (options: ContractStoreOptions) => Promise<StateStore>,
  sharing?: ContractSharing,
): void {
  describe(`StateStore contract: ${name}`, () => {
    let store: StateStore;
    const extra: StateStore[] = [];
    beforeEach(async () => {
      store = await open({});
    });
    afterEach(async () => {
      await Promise.all([store, ...extra.splice(0)].map((s) => s.close()));
    });
    /** Another store, closed after the test. */
    const track = async (opened: Promise<StateStore>) => {
      const other = await opened;
      extra.push(other);
      return other;
    };
    /** A store on a clock the test moves by hand. */
    const openAt = async (start: string) => {
      const clock = { now: new Date(start) };
      const pinned = await track(open({ now: () => clock.now }));
      const advance = (ms: number) => {
        clock.now = new Date(clock.now.getTime() + ms);
        return clock.now.toISOString();
      };
      return { store: pinned, advance };
    };

    const unique = (label: string) => `${label}-${randomUUID()}`;
    /** The key's indexed form, as the runner gives it with every outcome. */
    const keyed = <T extends { key: string | null }>(outcome: T) => ({
      ...outcome,
      naturalKey: outcome.key === null ? null : naturalKey(outcome.key),
    });
    /** A page as the runner commits it, from outcomes as the history shows them. */
    const page = (runId: string, taskKey: string, rest: PageOf = {}): PageCommit => {
      const { failures = [], excluded, synced, ...others } = rest;
      return {
        runId,
        taskKey,
        counts: {},
        succeeded: [],
        deleted: [],
        written: [],
        checkpoint: null,
        ...others,
        failures: failures.map(keyed),
        ...(excluded ? { excluded: excluded.map(keyed) } : {}),
        ...(synced ? { synced: synced.map(naturalKey) } : {}),
      };
    };
    const failure = (sourceId: string, rest: Partial<RecordFailure> = {}): RecordFailure => ({
      taskId: 'accounts',
      sourceId,
      key: `ACC-${sourceId}`,
      code: 'VALUE_MAP_MISS',
      message: `No value map entry for record ${sourceId}`,
      ...rest,
    });
    const sorted = (duplicates: Map<string, string[]>) =>
      new Map([...duplicates].map(([key, holders]) => [key, [...holders].sort()]));

    describe('runs', () => {
      it('starts a run as Running with zero counts and no end', async () => {
        const templateId = unique('accounts');
        const run = await store.startRun({ templateId, mode: 'full' });

        expect(run).toEqual({
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
          templateId,
          mode: 'full',
          status: 'Running',
          startedAt: expect.any(String),
          finishedAt: null,
          counts: emptyCounts(),
          message: null,
        });
        expect(Number.isNaN(Date.parse(run.startedAt))).toBe(false);
        expect(await store.getRun(run.id)).toEqual(run);
      });

      it('gives every run its own id', async () => {
        const templateId = unique('accounts');
        const a = await store.startRun({ templateId, mode: 'incremental' });
        const b = await store.startRun({ templateId, mode: 'incremental' });
        expect(a.id).not.toBe(b.id);
        expect((await store.getRun(b.id))?.mode).toBe('incremental');
      });

      it('answers null for a run that does not exist', async () => {
        expect(await store.getRun(randomUUID())).toBeNull();
      });

      it('adds up the counts of every page, each count apart from the others', async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        const taskKey = unique('accounts/task');
        // A different number per count, so a count stored in another's column shows.
        const place = (name: RunCountName) => RUN_COUNT_NAMES.indexOf(name) + 1;

        await store.commitPage(page(run.id, taskKey, { counts: countsOf(place) }));
        await store.commitPage(page(run.id, taskKey));
        await store.commitPage(page(run.id, taskKey, { counts: countsOf((name) => 100 * place(name)) }));
        await store.commitPage(page(run.id, taskKey, { counts: { read: 5, retried: 7 } }));

        expect((await store.getRun(run.id))?.counts).toEqual(
          countsOf((name) => 101 * place(name) + (name === 'read' ? 5 : name === 'retried' ? 7 : 0)),
        );
      });

      it.each([
        { status: 'Completed', message: null },
        { status: 'Warning', message: null },
        { status: 'Error', message: 'The customer group does not exist in USMF' },
        { status: 'Interrupted', message: null },
      ] as const)('ends a run as $status', async ({ status, message }) => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        await store.commitPage(page(run.id, unique('task'), { counts: { read: 3, created: 3 } }));

        const ended = await store.finishRun(run.id, message === null ? { status } : { status, message });

        expect(ended).toMatchObject({ id: run.id, status, message, counts: { read: 3, created: 3 } });
        expect(ended.finishedAt).not.toBeNull();
        expect(Date.parse(ended.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
        expect(await store.getRun(run.id)).toEqual(ended);
      });

      it('refuses to end a run twice or to take pages once it ended', async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        const ended = await store.finishRun(run.id, { status: 'Completed' });

        await expect(store.finishRun(run.id, { status: 'Error', message: 'late' })).rejects.toThrow();
        await expect(store.commitPage(page(run.id, unique('task'), { counts: { read: 1 } }))).rejects.toThrow();
        expect(await store.getRun(run.id)).toEqual(ended);
      });

      it('refuses pages and outcomes for a run that does not exist', async () => {
        const taskKey = unique('task');
        await expect(
          store.commitPage(
            page(randomUUID(), taskKey, { written: [{ key: 'K1', hash: 'h1' }], checkpoint: { at: 'x' } }),
          ),
        ).rejects.toThrow();
        await expect(store.finishRun(randomUUID(), { status: 'Completed' })).rejects.toThrow();
        expect(await store.getCheckpoint(taskKey)).toBeNull();
        expect(await store.getHashes(taskKey, ['K1'])).toEqual(new Map());
      });

      it('lists the failures of each run in the order they were stored', async () => {
        const templateId = unique('accounts');
        const a = await store.startRun({ templateId, mode: 'full' });
        const b = await store.startRun({ templateId, mode: 'full' });
        const first = failure('1');
        const second = failure('2', { key: null, code: 'MISSING_KEY', message: 'The record has no account number' });
        const third = failure('3', { taskId: 'contacts' });

        await store.commitPage(page(a.id, 'task-a', { failures: [first, second], counts: { failed: 2 } }));
        await store.commitPage(page(b.id, 'task-b', { failures: [failure('9')], counts: { failed: 1 } }));
        await store.commitPage(page(a.id, 'task-a', { failures: [third], counts: { failed: 1 } }));

        expect(await store.listFailures(a.id, { limit: 100 })).toEqual([first, second, third]);
        expect(await store.listFailures(a.id, { limit: 2 })).toEqual([first, second]);
        expect(await store.listFailures(b.id, { limit: 100 })).toEqual([failure('9')]);
        expect(await store.listFailures(randomUUID(), { limit: 100 })).toEqual([]);
      });

      it("marks only the template's Running runs as Interrupted", async () => {
        const templateId = unique('accounts');
        const other = unique('contacts');
        const crashed = await store.startRun({ templateId, mode: 'full' });
        const done = await store.finishRun((await store.startRun({ templateId, mode: 'full' })).id, {
          status: 'Completed',
        });
        const elsewhere = await store.startRun({ templateId: other, mode: 'full' });

        expect(await store.markInterrupted(templateId)).toBe(1);

        const interrupted = await store.getRun(crashed.id);
        expect(interrupted?.status).toBe('Interrupted');
        expect(interrupted?.finishedAt).not.toBeNull();
        expect(await store.getRun(done.id)).toEqual(done);
        expect((await store.getRun(elsewhere.id))?.status).toBe('Running');
        expect(await store.markInterrupted(templateId)).toBe(0);
      });

      it('lists runs newest first, up to the limit, for one template or all', async () => {
        const templateId = unique('accounts');
        const r1 = await store.startRun({ templateId, mode: 'full' });
        const r2 = await store.startRun({ templateId, mode: 'incremental' });
        const r3 = await store.startRun({ templateId, mode: 'incremental' });
        await store.finishRun(r1.id, { status: 'Warning' });
        const latest = await store.startRun({ templateId: unique('contacts'), mode: 'full' });

        const ofTemplate = await store.listRuns({ limit: 10, templateId });
        expect(ofTemplate.map((run) => run.id)).toEqual([r3.id, r2.id, r1.id]);
        expect(ofTemplate[2]?.status).toBe('Warning');
        expect((await store.listRuns({ limit: 2, templateId })).map((run) => run.id)).toEqual([r3.id, r2.id]);
        expect((await store.listRuns({ limit: 1 })).map((run) => run.id)).toEqual([latest.id]);
        expect(await store.listRuns({ limit: 10, templateId: unique('never-ran') })).toEqual([]);
      });
    });

    describe('deletions', () => {
      const deletion = (sourceId: string, rest: Partial<RecordDeletion> = {}): RecordDeletion => ({
        taskId: 'accounts',
        sourceId,
        key: `ACC-${sourceId}`,
        ...rest,
      });

      it('lists the deletions each run saw, in the order they were stored', async () => {
        const templateId = unique('accounts');
        const a = await store.startRun({ templateId, mode: 'incremental' });
        const b = await store.startRun({ templateId, mode: 'incremental' });
        const [d1, d2, d3] = [deletion('1'), deletion('2', { key: null }), deletion('3', { taskId: 'contacts' })];

        await store.commitPage(page(a.id, 'task-a', { deleted: [d1, d2], counts: { deleted: 2 } }));
        await store.commitPage(page(b.id, 'task-b', { deleted: [deletion('9')], counts: { deleted: 1 } }));
        await store.commitPage(page(a.id, 'task-a', { deleted: [d3], counts: { deleted: 1 } }));

        expect(await store.listDeletions(a.id, { limit: 100 })).toEqual([d1, d2, d3]);
        expect(await store.listDeletions(a.id, { limit: 2 })).toEqual([d1, d2]);
        expect(await store.listDeletions(b.id, { limit: 100 })).toEqual([deletion('9')]);
        expect(await store.listDeletions(randomUUID(), { limit: 100 })).toEqual([]);
        expect((await store.getRun(a.id))?.counts.deleted).toBe(3);
        expect(await store.listFailures(a.id, { limit: 100 })).toEqual([]);
      });
    });

    describe('key changes', () => {
      const syncedAs = (sourceId: string, key: string) => ({ sourceId, key, naturalKey: naturalKey(key) });
      const change = (sourceId: string, rest: Partial<RecordKeyChange> = {}): RecordKeyChange => ({
        taskId: 'accounts',
        sourceId,
        oldKey: `ACC-${sourceId}`,
        newKey: `ACC-${sourceId}-NEW`,
        action: 'reported',
        ...rest,
      });

      it('knows the key each record was last synced under, per task, as pages committed it', async () => {
        const templateId = unique('accounts');
        const [taskKey, other] = [unique('accounts/customers'), unique('accounts/others')];
        const run = await store.startRun({ templateId, mode: 'full' });
        await store.commitPage(
          page(run.id, taskKey, { syncedRecords: [syncedAs('a1', 'acc-1 '), syncedAs('a2', 'ACC-2')] }),
        );
        await store.commitPage(page(run.id, other, { syncedRecords: [syncedAs('a1', 'OTHER-1')] }));
        // Synced again under a new key: the new one replaces the old.
        await store.commitPage(page(run.id, taskKey, { syncedRecords: [syncedAs('a2', 'ACC-2B')] }));

        expect(await store.findSyncedKeys(taskKey, ['a1', 'a2', 'a-never'])).toEqual(
          new Map([
            ['a1', syncedAs('a1', 'acc-1 ')],
            ['a2', syncedAs('a2', 'ACC-2B')],
          ]),
        );
        expect(await store.findSyncedKeys(other, ['a1', 'a2'])).toEqual(new Map([['a1', syncedAs('a1', 'OTHER-1')]]));
        expect(await store.findSyncedKeys(taskKey, [])).toEqual(new Map());
      });

      it('finds the synced keys of thousands of records in one call', async () => {
        const taskKey = unique('accounts/customers');
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        const records = Array.from({ length: 5000 }, (_, i) => syncedAs(`id-${i}`, `K-${i}`));
        await store.commitPage(page(run.id, taskKey, { syncedRecords: records }));

        const found = await store.findSyncedKeys(
          taskKey,
          records.map((r) => r.sourceId),
        );
        expect(found.size).toBe(5000);
        expect(found.get('id-4999')).toEqual(syncedAs('id-4999', 'K-4999'));
      });

      it('lists the key changes each run saw, in the order stored, and counts them', async () => {
        const templateId = unique('accounts');
        const a = await store.startRun({ templateId, mode: 'incremental' });
        const b = await store.startRun({ templateId, mode: 'incremental' });
        const [c1, c2, c3] = [change('1'), change('2', { action: 'renamed' }), change('3', { taskId: 'contacts' })];

        await store.commitPage(page(a.id, 'task-a', { keyChanges: [c1, c2], counts: { keyChanged: 2 } }));
        await store.commitPage(page(b.id, 'task-b', { keyChanges: [change('9')], counts: { keyChanged: 1 } }));
        await store.commitPage(page(a.id, 'task-a', { keyChanges: [c3], counts: { keyChanged: 1 } }));

        expect(await store.listKeyChanges(a.id, { limit: 100 })).toEqual([c1, c2, c3]);
        expect(await store.listKeyChanges(a.id, { limit: 2 })).toEqual([c1, c2]);
        expect(await store.listKeyChanges(b.id, { limit: 100 })).toEqual([change('9')]);
        expect(await store.listKeyChanges(randomUUID(), { limit: 100 })).toEqual([]);
        expect((await store.getRun(a.id))?.counts.keyChanged).toBe(3);
      });

      it('stores nothing of a page that cannot be committed', async () => {
        const taskKey = unique('accounts/customers');
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        await store.finishRun(run.id, { status: 'Completed' });

        await expect(
          store.commitPage(page(run.id, taskKey, { keyChanges: [change('1')], syncedRecords: [syncedAs('1', 'K')] })),
        ).rejects.toThrow();
        expect(await store.listKeyChanges(run.id, { limit: 10 })).toEqual([]);
        expect(await store.findSyncedKeys(taskKey, ['1'])).toEqual(new Map());
      });
    });

    describe('records left out by filters', () => {
      it('lists what each run left out with its rule, and a left-out record is no longer pending', async () => {
        const templateId = unique('quotes');
        const taskKey = unique('quotes/QuoteHeader');
        const first = await store.startRun({ templateId, mode: 'full' });
        await store.commitPage(page(first.id, taskKey, { failures: [failure('q1')], counts: { failed: 1 } }));
        const second = await store.startRun({ templateId, mode: 'incremental' });
        const left = {
          taskId: 'QuoteHeader',
          sourceId: 'q1',
          key: 'QUO-1',
          rule: 'activeQuotes',
          reason: 'only Active quotes',
        };
        const other = { ...left, sourceId: 'q2', key: null };

        await store.commitPage(page(second.id, taskKey, { excluded: [left, other], counts: { read: 2, filtered: 2 } }));

        expect(await store.listExclusions(second.id, { limit: 10 })).toEqual([left, other]);
        expect(await store.listExclusions(second.id, { limit: 1 })).toEqual([left]);
        expect(await store.listExclusions(first.id, { limit: 10 })).toEqual([]);
        expect((await store.getRun(second.id))?.counts.filtered).toBe(2);
        expect(await store.listPending(taskKey, { limit: 10 })).toEqual([]);
      });
    });

    describe('parents by natural key', () => {
      it('finds keys synced by the first task that has them, else failing ones with their reason', async () => {
        const [headers, other] = [unique('quotes/QuoteHeader'), unique('contacts/ContactToCustomer')];
        const run = await store.startRun({ templateId: unique('quotes'), mode: 'full' });
        await store.commitPage(page(run.id, headers, { synced: ['QUO-1', 'QUO-2'] }));
        await store.commitPage(page(run.id, other, { synced: ['QUO-2', 'CON-9'] }));
        await store.commitPage(
          page(run.id, headers, {
            failures: [
              failure('h3', { key: ' quo-3 ', code: 'FINOPS_VALIDATION', message: 'Customer X does not exist.' }),
            ],
          }),
        );

        const found = await store.findParents([headers, other], ['QUO-1', 'QUO-2', 'CON-9', 'QUO-3', 'QUO-4']);

        expect(found).toEqual(
          new Map([
            ['QUO-1', { state: 'synced', taskKey: headers }],
            ['QUO-2', { state: 'synced', taskKey: headers }],
            ['CON-9', { state: 'synced', taskKey: other }],
            [
              'QUO-3',
              { state: 'failed', taskKey: headers, code: 'FINOPS_VALIDATION', message: 'Customer X does not exist.' },
            ],
          ]),
        );
        expect(await store.findParents([headers], [])).toEqual(new Map());
      });

      it('knows a key its filters left out, until it is synced again', async () => {
        const headers = unique('orders/OrderHeader');
        const run = await store.startRun({ templateId: unique('orders'), mode: 'full' });
        const left = {
          taskId: 'OrderHeader',
          sourceId: 'o1',
          key: ' so-1 ',
          rule: 'confirmedOrLater',
          reason: 'only confirmed orders',
        };
        await store.commitPage(page(run.id, headers, { synced: ['SO-1'] }));
        await store.commitPage(page(run.id, headers, { excluded: [left] }));
        expect(await store.findParents([headers], ['SO-1'])).toEqual(
          new Map([['SO-1', { state: 'excluded', taskKey: headers }]]),
        );

        await store.commitPage(page(run.id, headers, { succeeded: ['o1'], synced: ['SO-1'] }));
        expect(await store.findParents([headers], ['SO-1'])).toEqual(
          new Map([['SO-1', { state: 'synced', taskKey: headers }]]),
        );
      });

      it('looks keys up in the form the page gave them, never one made from the key people read', async () => {
        const headers = unique('orders/OrderHeader');
        const run = await store.startRun({ templateId: unique('orders'), mode: 'full' });
        await store.commitPage({
          ...page(run.id, headers),
          failures: [{ ...failure('o1', { key: 'so-1' }), naturalKey: naturalKey('order 1') }],
          excluded: [
            {
              taskId: 'OrderHeader',
              sourceId: 'o2',
              key: 'so-2',
              naturalKey: naturalKey('order 2'),
              rule: 'confirmedOrLater',
              reason: 'only confirmed orders',
            },
          ],
          parked: [
            {
              sourceId: 'o3',
              key: 'so-3',
              naturalKey: naturalKey('order 3'),
              code: 'PARENT_LEFT_OUT',
              message: 'its customer was left out',
            },
          ],
        });

        const asked = ['order 1', 'order 2', 'order 3', 'so-1', 'so-2', 'so-3'].map(naturalKey);
        expect(await store.findParents([headers], asked)).toEqual(
          new Map([
            [
              'ORDER 1',
              {
                state: 'failed',
                taskKey: headers,
                code: 'VALUE_MAP_MISS',
                message: 'No value map entry for record o1',
              },
            ],
            ['ORDER 2', { state: 'excluded', taskKey: headers }],
            [
              'ORDER 3',
              { state: 'failed', taskKey: headers, code: 'PARENT_LEFT_OUT', message: 'its customer was left out' },
            ],
          ]),
        );
        expect((await store.listPending(headers, { limit: 10 })).map(({ sourceId, key }) => [sourceId, key])).toEqual([
          ['o1', 'so-1'],
          ['o3', 'so-3'],
        ]);
      });

      it('forgets a failing parent once it succeeds or is skipped', async () => {
        const headers = unique('orders/OrderHeader');
        const run = await store.startRun({ templateId: unique('orders'), mode: 'full' });
        await store.commitPage(
          page(run.id, headers, { failures: [failure('o1', { key: 'SO-1' }), failure('o2', { key: 'SO-2' })] }),
        );
        await store.commitPage(page(run.id, headers, { succeeded: ['o1'], synced: ['SO-1'] }));
        await store.skipPending(headers, ['o2']);

        expect(await store.findParents([headers], ['SO-1', 'SO-2'])).toEqual(
          new Map([['SO-1', { state: 'synced', taskKey: headers }]]),
        );
      });
    });

    describe('checkpoints', () => {
      it('has none before the first page that carries one', async () => {
        expect(await store.getCheckpoint(unique('task'))).toBeNull();
      });

      it('advances with each page and stays put when a page carries null', async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'incremental' });
        const taskKey = unique('accounts/task');
        const first: Checkpoint = {
          modifiedon: '2024-03-01T10:00:00Z',
          lastIds: ['a', 'b'],
          paging: { size: 500, nested: { done: false, cursor: null } },
        };
        const second: Checkpoint = { deltaLink: 'https://org.crm.dynamics.com/api/data/v9.2/accounts?$deltatoken=9' };

        await store.commitPage(page(run.id, taskKey, { checkpoint: first }));
        expect(await store.getCheckpoint(taskKey)).toEqual(first);

        await store.commitPage(page(run.id, taskKey, { checkpoint: null, counts: { read: 1 } }));
        expect(await store.getCheckpoint(taskKey)).toEqual(first);

        await store.commitPage(page(run.id, taskKey, { checkpoint: second }));
        expect(await store.getCheckpoint(taskKey)).toEqual(second);
      });

      it('keeps one checkpoint per task, across runs', async () => {
        const templateId = unique('accounts');
        const run = await store.startRun({ templateId, mode: 'full' });
        const [a, b] = [unique('task-a'), unique('task-b')];
        await store.commitPage(page(run.id, a, { checkpoint: { at: 'a1' } }));
        await store.commitPage(page(run.id, b, { checkpoint: { at: 'b1' } }));
        await store.finishRun(run.id, { status: 'Completed' });

        const next = await store.startRun({ templateId, mode: 'incremental' });
        await store.commitPage(page(next.id, a, { checkpoint: { at: 'a2' } }));

        expect(await store.getCheckpoint(a)).toEqual({ at: 'a2' });
        expect(await store.getCheckpoint(b)).toEqual({ at: 'b1' });
      });
    });

    describe('clearing a checkpoint', () => {
      it("forgets only that task's checkpoint, keeps its hashes, and takes a new one", async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'incremental' });
        const [a, b] = [unique('task-a'), unique('task-b')];
        await store.commitPage(page(run.id, a, { checkpoint: { at: 'a1' }, written: [{ key: 'K1', hash: 'h1' }] }));
        await store.commitPage(page(run.id, b, { checkpoint: { at: 'b1' } }));

        await store.clearCheckpoint(a);

        expect(await store.getCheckpoint(a)).toBeNull();
        expect(await store.getCheckpoint(b)).toEqual({ at: 'b1' });
        expect(await store.getHashes(a, ['K1'])).toEqual(new Map([['K1', 'h1']]));
        await store.clearCheckpoint(a);
        await store.clearCheckpoint(unique('never-ran'));
        await store.commitPage(page(run.id, a, { checkpoint: { at: 'a2' } }));
        expect(await store.getCheckpoint(a)).toEqual({ at: 'a2' });
      });
    });

    describe('row hashes', () => {
      it('returns the stored hash of each of 10,000 keys, and none for unknown keys', async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        const taskKey = unique('accounts/task');
        const keys = Array.from({ length: 10_000 }, (_, i) => `ACC-${String(i).padStart(5, '0')}-ABCDEF`);
        const hashOf = (key: string) => `hash:${key}`;
        for (const chunk of [keys.slice(0, 5_000), keys.slice(5_000)]) {
          await store.commitPage(page(run.id, taskKey, { written: chunk.map((key) => ({ key, hash: hashOf(key) })) }));
        }

        const asked = [...keys, 'ACC-99999-NOPE', 'acc-00001-abcdef'];
        const hashes = await store.getHashes(taskKey, asked);

        expect(hashes.size).toBe(10_000);
        expect(hashes.get('ACC-00000-ABCDEF')).toBe(hashOf('ACC-00000-ABCDEF'));
        expect(hashes.get('ACC-09999-ABCDEF')).toBe(hashOf('ACC-09999-ABCDEF'));
        expect(hashes.has('ACC-99999-NOPE')).toBe(false);
        expect([...hashes].every(([key, hash]) => hash === hashOf(key))).toBe(true);
        expect(await store.getHashes(unique('other/task'), keys)).toEqual(new Map());
        expect(await store.getHashes(taskKey, [])).toEqual(new Map());
      });

      it('replaces the hash of a key written again', async () => {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'full' });
        const taskKey = unique('task');
        await store.commitPage(
          page(run.id, taskKey, {
            written: [
              { key: 'K1', hash: 'old' },
              { key: 'K2', hash: 'two' },
            ],
          }),
        );
        await store.commitPage(page(run.id, taskKey, { written: [{ key: 'K1', hash: 'new' }] }));

        expect(await store.getHashes(taskKey, ['K1', 'K2'])).toEqual(
          new Map([
            ['K1', 'new'],
            ['K2', 'two'],
          ]),
        );
      });
    });

    describe('natural-key index', () => {
      const holders = (pairs: [string, string | null][]): KeyHolder[] => pairs.map(([id, key]) => ({ id, key }));

      it('finds every key held by two or more records, with its holders', async () => {
        const scope = unique('accounts');
        await store.putKeys(
          scope,
          holders([
            ['a1', 'K1'],
            ['a2', 'K1'],
            ['a3', 'K2'],
            ['a4', 'K3'],
            ['a5', 'K3'],
          ]),
        );
        await store.putKeys(
          scope,
          holders([
            ['a6', 'K3'],
            ['a7', null],
          ]),
        );

        expect(sorted(await store.findDuplicateKeys(scope))).toEqual(
          new Map([
            ['K1', ['a1', 'a2']],
            ['K3', ['a4', 'a5', 'a6']],
          ]),
        );
      });

      it('looks only among the given keys when keys are given', async () => {
        const scope = unique('accounts');
        await store.putKeys(
          scope,
          holders([
            ['a1', 'K1'],
            ['a2', 'K1'],
            ['a3', 'K2'],
            ['a4', 'K3'],
            ['a5', 'K3'],
          ]),
        );

        expect(sorted(await store.findDuplicateKeys(scope, ['K1', 'K2', 'K-missing']))).toEqual(
          new Map([['K1', ['a1', 'a2']]]),
        );
        expect(await store.findDuplicateKeys(scope, [])).toEqual(new Map());
      });

      it('follows records whose key changes or goes away', async () => {
        const scope = unique('accounts');
        await store.putKeys(
          scope,
          holders([
            ['a1', 'K1'],
            ['a2', 'K1'],
            ['a3', 'K2'],
          ]),
        );

        await store.putKeys(scope, holders([['a2', 'K2']]));
        expect(sorted(await store.findDuplicateKeys(scope))).toEqual(new Map([['K2', ['a2', 'a3']]]));

        await store.putKeys(
          scope,
          holders([
            ['a3', null],
            ['a1', 'K2'],
          ]),
        );
        expect(sorted(await store.findDuplicateKeys(scope))).toEqual(new Map([['K2', ['a1', 'a2']]]));

        await store.putKeys(
          scope,
          holders([
            ['a1', null],
            ['a3', null],
          ]),
        );
        expect(await store.findDuplicateKeys(scope)).toEqual(new Map());
      });

      it('compares keys exactly as given', async () => {
        const scope = unique('accounts');
        await store.putKeys(
          scope,
          holders([
            ['a1', 'ACC-1'],
            ['a2', 'acc-1'],
            ['a3', 'ACC-1 '],
            ['a4', ' ACC-1'],
          ]),
        );
        expect(await store.findDuplicateKeys(scope)).toEqual(new Map());
        expect(await store.findDuplicateKeys(scope, ['ACC-1', 'acc-1'])).toEqual(new Map());
      });

      it('keeps scopes apart and clears one without touching another', async () => {
        const [s1, s2] = [unique('accounts'), unique('contacts')];
        const pairs = holders([
          ['x1', 'K1'],
          ['x2', 'K1'],
        ]);
        await store.putKeys(s1, pairs);
        await store.putKeys(s2, pairs);
        await store.putKeys(s2, holders([['x3', 'K1']]));

        await store.clearKeyIndex(s1);

        expect(await store.findDuplicateKeys(s1)).toEqual(new Map());
        expect(sorted(await store.findDuplicateKeys(s2))).toEqual(new Map([['K1', ['x1', 'x2', 'x3']]]));
        await store.putKeys(s1, holders([['x1', 'K1']]));
        expect(await store.findDuplicateKeys(s1)).toEqual(new Map());
      });

      it('checks thousands of keys in one call', async () => {
        const scope = unique('accounts');
        const single = Array.from({ length: 5_000 }, (_, i) => ({ id: `s${i}`, key: `K${i}` }));
        const doubled = Array.from({ length: 100 }, (_, i) => [
          { id: `d${i}a`, key: `D${i}` },
          { id: `d${i}b`, key: `D${i}` },
        ]).flat();
        await store.putKeys(scope, [...single, ...doubled]);

        const asked = [...single.map((h) => h.key), ...Array.from({ length: 100 }, (_, i) => `D${i}`)];
        const found = await store.findDuplicateKeys(scope, asked);

        expect(found.size).toBe(100);
        expect(sorted(found).get('D42')).toEqual(['d42a', 'd42b']);
        expect((await store.findDuplicateKeys(scope, asked.slice(0, 5_050))).size).toBe(50);
      });
    });

    describe('number sequences', () => {
      const render = (counter: number) => `ACC-${String(counter).padStart(5, '0')}-QWERTY`;

      it('starts at start and counts up, one value per owner', async () => {
        const sequence = unique('account-number');
        expect(await store.reserveSequenceValue(sequence, 'o1', 1000, render)).toEqual({
          value: 'ACC-01000-QWERTY',
          reused: false,
        });
        expect(await store.reserveSequenceValue(sequence, 'o2', 1000, render)).toEqual({
          value: 'ACC-01001-QWERTY',
          reused: false,
        });
        expect(await store.reserveSequenceValue(sequence, 'o3', 1000, render)).toEqual({
          value: 'ACC-01002-QWERTY',
          reused: false,
        });
      });

      it('jumps to a start above the counter, and ignores one below it', async () => {
        const sequence = unique('account-number');
        expect((await store.reserveSequenceValue(sequence, 'o1', 1000, render)).value).toBe('ACC-01000-QWERTY');
        expect((await store.reserveSequenceValue(sequence, 'o2', 5000, render)).value).toBe('ACC-05000-QWERTY');
        expect((await store.reserveSequenceValue(sequence, 'o3', 1000, render)).value).toBe('ACC-05001-QWERTY');
      });

      it('gives an owner back the value it reserved and has not confirmed', async () => {
        const sequence = unique('account-number');
        const first = await store.reserveSequenceValue(sequence, 'o1', 1, render);

        expect(await store.reserveSequenceValue(sequence, 'o1', 1, render)).toEqual({
          value: first.value,
          reused: true,
        });
        expect((await store.reserveSequenceValue(sequence, 'o2', 1, render)).value).toBe('ACC-00002-QWERTY');
      });

      it('spends a confirmed value: the owner gets a new one next time', async () => {
        const sequence = unique('account-number');
        const first = await store.reserveSequenceValue(sequence, 'o1', 1, render);
        await store.confirmSequenceValue(sequence, 'o1');
        await store.confirmSequenceValue(sequence, 'o1');

        const next = await store.reserveSequenceValue(sequence, 'o1', 1, render);
        expect(next).toEqual({ value: 'ACC-00002-QWERTY', reused: false });
        expect(next.value).not.toBe(first.value);
      });

      it('refuses to confirm a value that was never reserved', async () => {
        await expect(store.confirmSequenceValue(unique('account-number'), 'nobody')).rejects.toThrow();
      });

      it('never hands out the same value twice across 1,000 reservations', async () => {
        const sequence = unique('account-number');
        const fresh: string[] = [];
        for (let batch = 0; batch < 10; batch += 1) {
          const owners = Array.from({ length: 100 }, (_, i) => `owner-${batch}-${i}`);
          const reserved = await Promise.all(
            owners.map((owner) => store.reserveSequenceValue(sequence, owner, 1, render)),
          );
          fresh.push(...reserved.map((r) => r.value));
          // Half write back; the other half crash and ask again.
          await Promise.all(
            owners.filter((_, i) => i % 2 === 0).map((owner) => store.confirmSequenceValue(sequence, owner)),
          );
          const again = await Promise.all(
            owners.map((owner) => store.reserveSequenceValue(sequence, owner, 1, render)),
          );
          expect(again.filter((r) => r.reused)).toHaveLength(50);
          fresh.push(...again.filter((r) => !r.reused).map((r) => r.value));
        }

        expect(fresh).toHaveLength(1_500);
        expect(new Set(fresh).size).toBe(1_500);
      });

      it('skips a counter whose rendered value is already taken', async () => {
        const sequence = unique('account-number');
        // Two counters render the same text, as two random suffixes may.
        const clashing = (counter: number) => `ACC-${Math.floor(counter / 2)}`;

        const values = [];
        for (const owner of ['o1', 'o2', 'o3', 'o4']) {
          values.push((await store.reserveSequenceValue(sequence, owner, 1000, clashing)).value);
        }

        expect(values).toEqual(['ACC-500', 'ACC-501', 'ACC-502', 'ACC-503']);
      });

      it('keeps sequences apart by name', async () => {
        const [accounts, contacts] = [unique('account-number'), unique('contact-number')];
        await store.reserveSequenceValue(accounts, 'o1', 1, render);
        expect(await store.reserveSequenceValue(contacts, 'o1', 1, render)).toEqual({
          value: 'ACC-00001-QWERTY',
          reused: false,
        });
        expect((await store.reserveSequenceValue(accounts, 'o2', 1, render)).value).toBe('ACC-00002-QWERTY');
      });
    });

    describe('pending records', () => {
      const T0 = '2025-03-01T08:00:00.000Z';
      const ids = (records: { sourceId: string }[]) => records.map((record) => record.sourceId);

      it('keeps failures pending across runs, counting attempts, until they succeed or are deleted', async () => {
        const { store, advance } = await openAt(T0);
        const templateId = unique('accounts');
        const taskKey = unique('accounts/task');
        const first = await store.startRun({ templateId, mode: 'incremental' });
        await store.commitPage(
          page(first.id, taskKey, { failures: [failure('a1'), failure('a2')], counts: { failed: 2 } }),
        );
        await store.commitPage(
          page(first.id, taskKey, { failures: [failure('a3')], succeeded: ['ok1'], counts: { failed: 1 } }),
        );
        await store.finishRun(first.id, { status: 'Warning' });

        expect(await store.listPending(taskKey, { limit: 10 })).toEqual(
          ['a1', 'a2', 'a3'].map((sourceId) => ({
            sourceId,
            key: `ACC-${sourceId}`,
            code: 'VALUE_MAP_MISS',
            message: `No value map entry for record ${sourceId}`,
            attempts: 1,
            firstFailedAt: T0,
            lastFailedAt: T0,
            skipped: false,
          })),
        );

        const T1 = advance(60 * 60_000);
        const second = await store.startRun({ templateId, mode: 'incremental' });
        const again = failure('a2', { key: null, code: 'MISSING_KEY', message: 'The account has no number' });
        await store.commitPage(
          page(second.id, taskKey, {
            failures: [again],
            succeeded: ['a1'],
            deleted: [{ taskId: 'accounts', sourceId: 'a3', key: 'ACC-a3' }],
            counts: { failed: 1, updated: 1, deleted: 1 },
          }),
        );

        expect(await store.listPending(taskKey, { limit: 10 })).toEqual([
          {
            sourceId: 'a2',
            key: null,
            code: 'MISSING_KEY',
            message: 'The account has no number',
            attempts: 2,
            firstFailedAt: T0,
            lastFailedAt: T1,
            skipped: false,
          },
        ]);
        expect(await store.listFailures(second.id, { limit: 10 })).toEqual([again]);

        advance(60 * 60_000);
        const third = await store.startRun({ templateId, mode: 'incremental' });
        await store.commitPage(page(third.id, taskKey, { failures: [failure('a2')], counts: { failed: 1 } }));
        expect((await store.listPending(taskKey, { limit: 10 }))[0]?.attempts).toBe(3);
        await store.commitPage(page(third.id, taskKey, { succeeded: ['a2'], counts: { updated: 1 } }));
        expect(await store.listPending(taskKey, { limit: 10, includeSkipped: true })).toEqual([]);
      });

      it('lists the oldest first failure first, up to the limit, per task', async () => {
        const { store, advance } = await openAt(T0);
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'incremental' });
        const [taskKey, other] = [unique('accounts/task'), unique('contacts/task')];

        await store.commitPage(page(run.id, taskKey, { failures: [failure('b')] }));
        advance(1_000);
        await store.commitPage(page(run.id, taskKey, { failures: [failure('c'), failure('d')] }));
        advance(1_000);
        // b failing again is more recent than c and d, but it first failed before them.
        await store.commitPage(page(run.id, taskKey, { failures: [failure('b')] }));
        await store.commitPage(page(run.id, other, { failures: [failure('b'), failure('z')] }));

        expect(ids(await store.listPending(taskKey, { limit: 10 }))).toEqual(['b', 'c', 'd']);
        expect(ids(await store.listPending(taskKey, { limit: 2 }))).toEqual(['b', 'c']);
        expect(ids(await store.listPending(other, { limit: 10 }))).toEqual(['b', 'z']);
        expect((await store.listPending(other, { limit: 10 }))[0]?.attempts).toBe(1);
        expect(await store.listPending(unique('never-failed'), { limit: 10 })).toEqual([]);
      });

      it('leaves skipped records out unless asked, keeps them skipped when they fail again, and drops them when they succeed', async () => {
        const { store, advance } = await openAt(T0);
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'incremental' });
        const [taskKey, other] = [unique('accounts/task'), unique('contacts/task')];
        await store.commitPage(page(run.id, taskKey, { failures: [failure('s1'), failure('s2'), failure('s3')] }));
        await store.commitPage(page(run.id, other, { failures: [failure('s1')] }));

        expect(await store.skipPending(taskKey, ['s1', 's3', 'never-failed'])).toBe(2);
        expect(await store.skipPending(taskKey, ['s1'])).toBe(0);
        expect(await store.skipPending(taskKey, [])).toBe(0);

        expect(ids(await store.listPending(taskKey, { limit: 10 }))).toEqual(['s2']);
        expect(ids(await store.listPending(taskKey, { limit: 10, includeSkipped: false }))).toEqual(['s2']);
        const all = await store.listPending(taskKey, { limit: 10, includeSkipped: true });
        expect(all.map((p) => [p.sourceId, p.skipped])).toEqual([
          ['s1', true],
          ['s2', false],
          ['s3', true],
        ]);
        expect((await store.listPending(other, { limit: 10 }))[0]?.skipped).toBe(false);

        const T1 = advance(5_000);
        await store.commitPage(page(run.id, taskKey, { failures: [failure('s1', { code: 'STILL_BROKEN' })] }));
        expect(ids(await store.listPending(taskKey, { limit: 10 }))).toEqual(['s2']);
        expect((await store.listPending(taskKey, { limit: 1, includeSkipped: true }))[0]).toMatchObject({
          sourceId: 's1',
          code: 'STILL_BROKEN',
          attempts: 2,
          firstFailedAt: T0,
          lastFailedAt: T1,
          skipped: true,
        });

        await store.commitPage(
          page(run.id, taskKey, { succeeded: ['s1'], deleted: [{ taskId: 'accounts', sourceId: 's3', key: null }] }),
        );
        expect(ids(await store.listPending(taskKey, { limit: 10, includeSkipped: true }))).toEqual(['s2']);
      });
    });

    describe('run locks', () => {
      const T0 = '2025-03-01T08:00:00.000Z';
      const owner = (label: string): LockOwner => ({
        id: `${label}-${randomUUID()}`,
        host: `host-${label}`,
        pid: 4000 + label.length,
      });

      it('goes to the first owner and tells the next who holds it', async () => {
        const name = unique('accounts');
        const [a, b] = [owner('a'), owner('bb')];

        expect(await store.acquireLock(name, a, 60_000)).toEqual({ acquired: true });
        expect(await store.acquireLock(name, b, 60_000)).toEqual({ acquired: false, holder: a });
        expect(await store.acquireLock(unique('contacts'), b, 60_000)).toEqual({ acquired: true });
      });

      it("gives back the holder's process start as the holder gave it", async () => {
        const name = unique('accounts');
        const holder = { ...owner('a'), processStart: '1234567' };
        await store.acquireLock(name, holder, 60_000);
        expect(await store.acquireLock(name, owner('bb'), 60_000)).toStrictEqual({ acquired: false, holder });
      });

      it('lets the holder take it again, which renews its lease', async () => {
        const { store, advance } = await openAt(T0);
        const name = unique('accounts');
        const [a, b] = [owner('a'), owner('b')];

        await store.acquireLock(name, a, 1_000);
        advance(800);
        expect(await store.acquireLock(name, a, 1_000)).toEqual({ acquired: true });
        advance(800);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: false, holder: a });
      });

      it('goes to another owner only once the lease has run out', async () => {
        const { store, advance } = await openAt(T0);
        const name = unique('accounts');
        const [a, b] = [owner('a'), owner('b')];

        await store.acquireLock(name, a, 1_000);
        advance(999);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: false, holder: a });
        advance(1);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: false, holder: a });
        advance(1);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: true });
        expect(await store.renewLock(name, a.id, 1_000)).toBe(false);
        expect(await store.acquireLock(name, a, 1_000)).toEqual({ acquired: false, holder: b });
      });

      it('extends the lease of the holder only', async () => {
        const { store, advance } = await openAt(T0);
        const name = unique('accounts');
        const [a, b] = [owner('a'), owner('b')];
        await store.acquireLock(name, a, 1_000);

        advance(900);
        expect(await store.renewLock(name, a.id, 1_000)).toBe(true);
        expect(await store.renewLock(name, b.id, 1_000)).toBe(false);
        expect(await store.renewLock(unique('other'), a.id, 1_000)).toBe(false);
        advance(900);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: false, holder: a });
        advance(101);
        expect(await store.acquireLock(name, b, 1_000)).toEqual({ acquired: true });
      });

      it('is released by its holder only', async () => {
        const name = unique('accounts');
        const [a, b] = [owner('a'), owner('b')];
        await store.acquireLock(name, a, 60_000);

        await store.releaseLock(name, b.id);
        expect(await store.acquireLock(name, b, 60_000)).toEqual({ acquired: false, holder: a });

        await store.releaseLock(name, a.id);
        await store.releaseLock(name, a.id);
        expect(await store.renewLock(name, a.id, 60_000)).toBe(false);
        expect(await store.acquireLock(name, b, 60_000)).toEqual({ acquired: true });
      });

      it('is broken only while the named holder still holds it', async () => {
        const name = unique('accounts');
        const [dead, b, c] = [owner('dead'), owner('b'), owner('c')];
        await store.acquireLock(name, dead, 60_000);

        expect(await store.breakLock(name, b.id)).toBe(false);
        expect(await store.acquireLock(name, b, 60_000)).toEqual({ acquired: false, holder: dead });

        expect(await store.breakLock(name, dead.id)).toBe(true);
        expect(await store.breakLock(name, dead.id)).toBe(false);
        expect(await store.acquireLock(name, b, 60_000)).toEqual({ acquired: true });
        // Someone who saw `dead` holding it earlier must not break b's lock.
        expect(await store.breakLock(name, dead.id)).toBe(false);
        expect(await store.acquireLock(name, c, 60_000)).toEqual({ acquired: false, holder: b });
      });

      it('goes to exactly one of many owners asking at once', async () => {
        const name = unique('accounts');
        const owners = Array.from({ length: 8 }, (_, i) => owner(`o${i}`));

        const results = await Promise.all(owners.map((o) => store.acquireLock(name, o, 60_000)));

        const winners = owners.filter((_, i) => results[i]?.acquired);
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => !r.acquired)).toEqual(Array(7).fill({ acquired: false, holder: winners[0] }));
      });

      if (sharing !== undefined) {
        it('goes to exactly one of two stores sharing the data, and each sees what the other did', async () => {
          const peer = await track(sharing.openPeer(store));
          const name = unique('accounts');
          const [a, b] = [owner('a'), owner('b')];

          const [fromA, fromB] = await Promise.all([
            store.acquireLock(name, a, 60_000),
            peer.acquireLock(name, b, 60_000),
          ]);

          expect([fromA.acquired, fromB.acquired].filter(Boolean)).toHaveLength(1);
          const [winner, winnerStore, loser, loserStore] = fromA.acquired ? [a, store, b, peer] : [b, peer, a, store];
          expect(fromA.acquired ? fromB : fromA).toEqual({ acquired: false, holder: winner });
          expect(await loserStore.renewLock(name, loser.id, 60_000)).toBe(false);
          expect(await loserStore.renewLock(name, winner.id, 60_000)).toBe(true);

          await winnerStore.releaseLock(name, winner.id);
          expect(await loserStore.acquireLock(name, loser, 60_000)).toEqual({ acquired: true });
          expect(await winnerStore.acquireLock(name, winner, 60_000)).toEqual({ acquired: false, holder: loser });
          expect(await winnerStore.breakLock(name, loser.id)).toBe(true);
          expect(await loserStore.renewLock(name, loser.id, 60_000)).toBe(false);
        });
      }
    });

    describe('page commits are all or nothing', () => {
      const stillPending = failure('p0');

      async function committedFirstPage() {
        const run = await store.startRun({ templateId: unique('accounts'), mode: 'incremental' });
        const taskKey = unique('accounts/task');
        await store.commitPage(
          page(run.id, taskKey, {
            counts: { read: 11, created: 10, failed: 1 },
            failures: [stillPending],
            written: [{ key: 'K0', hash: 'h0' }],
            checkpoint: { modifiedon: '2024-01-01T00:00:00Z' },
          }),
        );
        const stored = await store.getRun(run.id);
        if (stored === null) throw new Error('The run vanished');
        return { run: stored, taskKey };
      }

      async function expectOnlyFirstPage(run: RunRecord, taskKey: string) {
        expect(await store.getRun(run.id)).toEqual(run);
        expect(await store.listFailures(run.id, { limit: 10 })).toEqual([stillPending]);
        expect(await store.listDeletions(run.id, { limit: 10 })).toEqual([]);
        expect((await store.listPending(taskKey, { limit: 10 })).map((p) => [p.sourceId, p.attempts])).toEqual([
          ['p0', 1],
        ]);
        expect(await store.getHashes(taskKey, ['K0', 'K1'])).toEqual(new Map([['K0', 'h0']]));
        expect(await store.getCheckpoint(taskKey)).toEqual({ modifiedon: '2024-01-01T00:00:00Z' });
      }

      it('stores nothing of a page whose failure row cannot be stored', async () => {
        const { run, taskKey } = await committedFirstPage();
        const unstorable = { ...failure('2'), message: null } as unknown as RecordFailure;

        await expect(
          store.commitPage(
            page(run.id, taskKey, {
              counts: { read: 5, failed: 2, updated: 3 },
              failures: [failure('1'), stillPending, unstorable],
              written: [
                { key: 'K0', hash: 'h0-new' },
                { key: 'K1', hash: 'h1' },
              ],
              checkpoint: { modifiedon: '2024-02-01T00:00:00Z' },
            }),
          ),
        ).rejects.toThrow();

        await expectOnlyFirstPage(run, taskKey);
      });

      it('stores nothing of a page whose checkpoint cannot be stored', async () => {
        const { run, taskKey } = await committedFirstPage();
        const unstorable = { modifiedon: 10n } as unknown as Checkpoint;

        await expect(
          store.commitPage(
            page(run.id, taskKey, {
              counts: { read: 5, failed: 1, deleted: 1 },
              failures: [failure('1')],
              succeeded: ['p0'],
              deleted: [{ taskId: 'accounts', sourceId: 'gone', key: null }],
              written: [
                { key: 'K0', hash: 'h0-new' },
                { key: 'K1', hash: 'h1' },
              ],
              checkpoint: unstorable,
            }),
          ),
        ).rejects.toThrow();

        await expectOnlyFirstPage(run, taskKey);
      });
    });
  });
}
