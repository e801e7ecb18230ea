import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FakeDestination } from '../../test/fakes/FakeDestination.js';
import { FakeSource } from '../../test/fakes/FakeSource.js';
import { MemoryStateStore } from '../../test/fakes/MemoryStateStore.js';
import type { Connector, ConnectorRegistry, EntityRef } from '../connectors/index.js';
import { RecordError } from '../errors/index.js';
import { silentLogger } from '../logging/index.js';
import { taskRef, type EntityTemplate, type TaskDefinition } from '../templates/index.js';
import { checkParents } from './checkParents.js';
import { naturalKey } from './naturalKey/NaturalKey.js';
import { pageItemOf } from './PageItem.js';
import { taskSettingsSchema, type TaskSettings } from './RunOptions.js';
import { SyncRunner } from './SyncRunner.js';

const passThrough = z.looseObject({});
const ref = (entity: string, key: string[]): EntityRef => ({ entity, key, fields: [] });

/** Quotes and their lines: headers filtered to active ones, lines held back until their quote syncs. */
function quotesTemplate(): EntityTemplate {
  const header: TaskDefinition = {
    id: 'QuoteHeader',
    source: { connector: 'headers', ref: ref('quotes', []) },
    destination: { connector: 'out', ref: ref('QuoteHeaders', ['Number']) },
    canonical: { name: 'Quote', schema: passThrough },
    sourceToCanonical: { name: 'Sales > Quote', fields: [{ source: 'number', target: 'Number' }] },
    canonicalToDestination: {
      name: 'Quote > F&O',
      fields: [
        { source: 'Number', target: 'Number' },
        { source: 'Number', target: 'PriceList', transforms: [{ transformType: 'Function', name: 'PriceList' }] },
      ],
    },
    transforms: {
      PriceList: (_value, { references, key }) => {
        const list = references?.['priceLists']?.[0];
        if (!list) throw new RecordError(`no price list for ${key}`, { code: 'NO_PRICE_LIST' });
        return String(list['name']);
      },
    },
    references: { priceLists: { connector: 'lists', ref: ref('pricelevels', []) } },
    naturalKey: { sourceField: 'number', label: 'quote number', rejectDuplicates: false },
    filters: { activeQuotes: { description: 'only Active quotes', where: { field: 'state', eq: 'Active' } } },
  };
  const line: TaskDefinition = {
    id: 'QuoteLine',
    source: { connector: 'lines', ref: ref('quotedetails', []) },
    destination: { connector: 'out', ref: ref('QuoteLines', ['Quote', 'Line']) },
    canonical: { name: 'QuoteLine', schema: passThrough },
    sourceToCanonical: {
      name: 'Sales > QuoteLine',
      fields: [
        { source: 'quote.number', target: 'Quote' },
        { source: 'line', target: 'Line' },
      ],
    },
    canonicalToDestination: {
      name: 'QuoteLine > F&O',
      fields: [
        { source: 'Quote', target: 'Quote' },
        { source: 'Line', target: 'Line' },
        { target: 'ParentTask', transforms: [{ transformType: 'Function', name: 'ParentTask' }] },
      ],
    },
    transforms: { ParentTask: (_value, { parents }) => parents?.['quote']?.taskKey ?? null },
    naturalKey: {
      sourceField: 'line',
      label: 'quote line',
      rejectDuplicates: false,
      compose: (record) =>
        `${(record['quote'] as { number?: string } | undefined)?.number ?? ''}|${String(record['line'])}`,
    },
    parents: [{ name: 'quote', sourceField: 'quote.number', tasks: [taskRef('quotes', 'QuoteHeader')] }],
  };
  return { id: 'quotes', name: 'Sales Quotes', description: '', preconditions: [], tasks: [header, line] };
}

type Row = { id: string; [field: string]: unknown };

function setUp(
  quotes: Row[],
  lines: Row[],
  lists: Row[] = [{ id: 'p1', name: 'US list' }],
  template = quotesTemplate(),
) {
  const sources: Record<string, FakeSource> = {
    headers: new FakeSource(quotes, { scan: false }),
    lines: new FakeSource(lines, { scan: false }),
    lists: new FakeSource(lists, { scan: false }),
  };
  const destination = new FakeDestination();
  const state = new MemoryStateStore();
  const connectors: ConnectorRegistry = {
    get: (kind): Connector =>
      kind === 'out' ? { kind, destination: () => destination } : { kind, source: () => sources[kind]! },
  };
  const runner = new SyncRunner(state, connectors, silentLogger);
  const run = (
    settings: Partial<Record<'QuoteHeader' | 'QuoteLine', Partial<TaskSettings>>> = {},
    full = false,
    dryRun = false,
  ) =>
    runner.run({
      template,
      full,
      dryRun,
      settings: {
        QuoteHeader: taskSettingsSchema.parse(settings.QuoteHeader ?? {}),
        QuoteLine: taskSettingsSchema.parse(settings.QuoteLine ?? {}),
      },
      organizations: {},
    });
  return { sources, destination, state, run };
}

const active = { id: 'q1', number: 'QUO-1', state: 'Active' };
const draft = { id: 'q2', number: 'QUO-2', state: 'Draft' };

describe('task filters, parents and reference tables', () => {
  it('leaves out what a filter rejects, says which rule did in the history, and writes the rest', async () => {
    const { destination, state, run } = setUp([active, draft], []);

    const summary = await run();

    expect(summary.counts).toMatchObject({ read: 2, created: 1, filtered: 1, failed: 0 });
    expect(summary.status).toBe('Completed');
    expect([...destination.rows.keys()]).toEqual(['QUO-1']);
    expect(await state.listExclusions(summary.runId!, { limit: 10 })).toEqual([
      { taskId: 'QuoteHeader', sourceId: 'q2', key: 'QUO-2', rule: 'activeQuotes', reason: 'only Active quotes' },
    ]);
  });

  it('lets the configuration change a rule, drop it, or add one', async () => {
    const changed = setUp([active, draft], []);
    await changed.run({ QuoteHeader: { filters: { activeQuotes: { field: 'state', in: ['Active', 'Draft'] } } } });
    expect([...changed.destination.rows.keys()].sort()).toEqual(['QUO-1', 'QUO-2']);

    const dropped = setUp([active, draft], []);
    await dropped.run({ QuoteHeader: { filters: { activeQuotes: false, notTwo: { field: 'number', ne: 'quo-2' } } } });
    expect([...dropped.destination.rows.keys()]).toEqual(['QUO-1']);
    const [left] = [...dropped.state.exclusions.values()].flat();
    expect(left).toMatchObject({ sourceId: 'q2', rule: 'notTwo', reason: "number ≠ 'quo-2' (from the configuration)" });
  });

  it('holds a line back while its quote has not synced, then writes it once the quote has', async () => {
    const line = { id: 'l1', quote: { number: 'QUO-3' }, line: 1 };
    const { sources, destination, state, run } = setUp([active], [line]);

    const first = await run();
    expect(first.counts).toMatchObject({ waiting: 1, failed: 0 });
    expect(first.status).toBe('Warning');
    expect(first.failures).toEqual([
      expect.objectContaining({
        sourceId: 'l1',
        code: 'PARENT_NOT_SYNCED',
        message: expect.stringContaining('quote QUO-3 has not been synced yet'),
      }),
    ]);
    expect((await state.listPending('quotes/QuoteLine', { limit: 10 })).map((p) => p.sourceId)).toEqual(['l1']);

    sources['headers']!.records.push({ id: 'q3', data: { number: 'QUO-3', state: 'Active', modifiedon: 10 } });
    const second = await run();

    expect(second.status).toBe('Completed');
    expect(second.counts).toMatchObject({ waiting: 0, created: 2 });
    expect(destination.rows.get('QUO-3|1')).toMatchObject({
      Quote: 'QUO-3',
      Line: 1,
      ParentTask: 'quotes/QuoteHeader',
    });
    expect(await state.listPending('quotes/QuoteLine', { limit: 10 })).toEqual([]);
  });

  it('says so when the parent itself failed, and fails a record that names no parent', async () => {
    const lines = [
      { id: 'l1', quote: { number: 'QUO-1' }, line: 1 },
      { id: 'l2', quote: { number: null }, line: 2 },
    ];
    const { run } = setUp([active], lines, []);

    const summary = await run();

    expect(summary.counts).toMatchObject({ failed: 3, waiting: 0 });
    expect(summary.failures).toEqual([
      expect.objectContaining({ sourceId: 'q1', code: 'NO_PRICE_LIST', message: 'no price list for QUO-1' }),
      expect.objectContaining({
        sourceId: 'l1',
        code: 'PARENT_FAILED',
        message: 'Its quote QUO-1 failed in quotes/QuoteHeader: no price list for QUO-1',
      }),
      expect.objectContaining({
        sourceId: 'l2',
        code: 'PARENT_KEY_MISSING',
        message: 'The record names no quote (quote.number is blank)',
      }),
    ]);
  });

  it('leaves a line out when its quote was left out, naming the parent, and finds a parent in the second place named', async () => {
    const lines = [
      { id: 'l1', quote: { number: 'QUO-2' }, line: 1 },
      { id: 'l2', quote: { number: null }, other: 'QUO-1', line: 2 },
    ];
    const template = quotesTemplate();
    template.tasks[1]!.parents = [
      { name: 'quote', sourceField: ['quote.number', 'other'], tasks: [taskRef('quotes', 'QuoteHeader')] },
    ];
    const { destination, run } = setUp([active, draft], lines, undefined, template);

    const summary = await run();

    expect(summary.counts).toMatchObject({ filtered: 2, waiting: 0, failed: 0 });
    expect(summary.excluded).toEqual([
      expect.objectContaining({ sourceId: 'q2', rule: 'activeQuotes' }),
      {
        taskId: 'QuoteLine',
        sourceId: 'l1',
        key: 'QUO-2|1',
        rule: 'parent:quote',
        reason: 'only records whose quote is synced (QUO-2 was left out by quotes/QuoteHeader)',
      },
    ]);
    expect(destination.rows.has('|2')).toBe(true);
  });

  it('reads a line left out with its quote again each run, and writes it once the quote is synced', async () => {
    const { sources, destination, state, run } = setUp(
      [active, draft],
      [{ id: 'l1', quote: { number: 'QUO-2' }, line: 1 }],
    );
    const first = await run();
    expect(first.counts).toMatchObject({ filtered: 2, waiting: 0, failed: 0 });
    expect(await state.listPending('quotes/QuoteLine', { limit: 10 })).toEqual([
      expect.objectContaining({ sourceId: 'l1', code: 'PARENT_LEFT_OUT' }),
    ]);

    // Only the quote changes in the source: the line is not read as a change, but as pending.
    sources['headers']!.records[1]!.data['state'] = 'Active';
    sources['headers']!.records[1]!.data['modifiedon'] = 10;
    const second = await run();

    expect(second.counts).toMatchObject({ created: 2, filtered: 0 });
    expect(destination.rows.has('QUO-2|1')).toBe(true);
    expect(await state.listPending('quotes/QuoteLine', { limit: 10 })).toEqual([]);
  });

  it('plans a line on a dry run when the same dry run plans its quote, and stores nothing', async () => {
    const { destination, state, run } = setUp([active], [{ id: 'l1', quote: { number: 'QUO-1' }, line: 1 }]);

    const summary = await run({}, false, true);

    expect(summary.counts).toMatchObject({ created: 2, waiting: 0 });
    expect(destination.rows.size).toBe(0);
    expect(state.writes).toEqual([]);
  });

  it('makes a line wait while its quote waits for a parent of its own', async () => {
    const state = new MemoryStateStore();
    const earlier = await state.startRun({ templateId: 'quotes', mode: 'full' });
    const waiting = {
      taskId: 'QuoteHeader',
      sourceId: 'q9',
      key: 'QUO-9',
      naturalKey: naturalKey('QUO-9'),
      code: 'PARENT_NOT_SYNCED',
      message: 'Its customer C-1 has not been synced yet',
    };
    await state.commitPage({
      runId: earlier.id,
      taskKey: 'quotes/QuoteHeader',
      counts: {},
      failures: [waiting],
      succeeded: [],
      deleted: [],
      written: [],
      checkpoint: null,
    });
    const item = pageItemOf(
      { id: 'l1', data: { quote: { number: 'QUO-9' } } },
      { sourceField: 'number', label: 'line number', rejectDuplicates: false, compose: () => 'QUO-9|1' },
    );

    await checkParents(
      [item],
      [{ name: 'quote', sourceField: 'quote.number', tasks: [taskRef('quotes', 'QuoteHeader')] }],
      state,
      'QuoteLine',
    );

    expect(item.failure).toMatchObject({
      code: 'PARENT_NOT_SYNCED',
      message: expect.stringContaining('Its quote QUO-9 waits in quotes/QuoteHeader'),
    });
  });
});
