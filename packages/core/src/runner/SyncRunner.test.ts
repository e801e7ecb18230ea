import { describe, expect, it } from 'vitest';
import { anAccountsTask, anAccountsTemplate } from '../../test/builders/anAccountsTask.js';
import { FakeDestination } from '../../test/fakes/FakeDestination.js';
import { FakeSource } from '../../test/fakes/FakeSource.js';
import { MemoryStateStore } from '../../test/fakes/MemoryStateStore.js';
import type { Connector, ConnectorRegistry } from '../connectors/index.js';
import { ConfigError, FatalError } from '../errors/index.js';
import { silentLogger } from '../logging/index.js';
import { matchesSequence } from '../templates/index.js';
import { taskSettingsSchema, type RunOptions, type TaskSettings } from './RunOptions.js';
import { SyncRunner } from './SyncRunner.js';

const TASK = 'Accounts - Account - Customers';
const TASK_KEY = `accounts/${TASK}`;

function setUp(accounts: { id: string; [field: string]: unknown }[], options: { scan?: boolean } = {}) {
  const source = new FakeSource(accounts, options);
  const destination = new FakeDestination();
  const state = new MemoryStateStore();
  const connectors: ConnectorRegistry = {
    get: (kind): Connector =>
      kind === 'sales' ? { kind, source: () => source } : { kind, destination: () => destination },
  };
  const runner = new SyncRunner(state, connectors, silentLogger);
  const run = (changes: Partial<RunOptions> & { task?: Partial<TaskSettings> } = {}) => {
    const { task, ...rest } = changes;
    return runner.run({
      template: anAccountsTemplate(),
      full: false,
      dryRun: false,
      settings: { [TASK]: taskSettingsSchema.parse({ pageSize: 2, ...task }) },
      organizations: { ORG001: 'usmf' },
      ...rest,
    });
  };
  return { source, destination, state, run };
}

const contoso = { id: 'a1', accountnumber: 'ACC-01000-AAAAAA', name: 'Contoso', address1_country: 'Germany' };
const fabrikam = { id: 'a2', accountnumber: 'ACC-01001-BBBBBB', name: 'Fabrikam', address1_country: null };
const litware = { id: 'a3', accountnumber: 'ACC-01002-CCCCCC', name: 'Litware', address1_country: 'United States' };

describe('SyncRunner', () => {
  it('writes every record, stores the run and the checkpoint, and calls the run Completed', async () => {
    const { destination, state, run } = setUp([contoso, fabrikam, litware]);
    const summary = await run();
    expect(summary).toMatchObject({
      status: 'Completed',
      mode: 'incremental',
      dryRun: false,
      counts: { read: 3, created: 3, updated: 0, unchanged: 0, failed: 0, keysGenerated: 0 },
      failures: [],
      message: null,
    });
    expect(destination.rows.get('usmf|ACC-01000-AAAAAA')).toMatchObject({
      OrganizationName: 'Contoso',
      AddressCountryRegionISOCode: 'DEU',
    });
    expect(state.runs.get(summary.runId!)).toMatchObject({ status: 'Completed', counts: summary.counts });
    expect(state.checkpoints.get(TASK_KEY)).toEqual({ modifiedon: 3 });
  });

  it('reads only what changed since the checkpoint, and skips rows whose values did not change', async () => {
    const { source, destination, run } = setUp([contoso, fabrikam]);
    await run();
    expect((await run()).counts).toMatchObject({ read: 0, created: 0 });

    // Touched but not changed, then really changed.
    source.records[0]!.data['modifiedon'] = 10;
    source.records[1]!.data = { ...source.records[1]!.data, modifiedon: 11, name: 'Fabrikam Inc' };
    const summary = await run();
    expect(summary.counts).toMatchObject({ read: 2, unchanged: 1, updated: 1, failed: 0 });
    expect(destination.rows.get('usmf|ACC-01001-BBBBBB')).toMatchObject({ OrganizationName: 'Fabrikam Inc' });
  });

  it('fails a bad record alone, with its reason, and calls the run a Warning', async () => {
    const { state, run } = setUp([contoso, { ...fabrikam, address1_country: 'Atlantis' }, litware]);
    const summary = await run();
    expect(summary.status).toBe('Warning');
    expect(summary.counts).toMatchObject({ read: 3, created: 2, failed: 1 });
    expect(summary.failures).toEqual([
      {
        taskId: TASK,
        sourceId: 'a2',
        key: 'ACC-01001-BBBBBB',
        code: 'UNKNOWN_COUNTRY',
        message: "AddressCountryRegionISOCode: unknown country 'Atlantis'",
      },
    ]);
    expect(await state.listFailures(summary.runId!, { limit: 10 })).toEqual(summary.failures);
  });

  it('calls a run where the destination refused every record an Error', async () => {
    const { destination, run } = setUp([contoso, fabrikam]);
    destination.fail = () => "Customer group '10' does not exist";
    const summary = await run();
    expect(summary.status).toBe('Error');
    expect(summary.failures.map((f) => [f.sourceId, f.code, f.message])).toEqual([
      ['a1', 'FINOPS_VALIDATION', "Customer group '10' does not exist"],
      ['a2', 'FINOPS_VALIDATION', "Customer group '10' does not exist"],
    ]);
  });

  it('gives an account without a number one from the sequence, written back to the source first', async () => {
    const { source, destination, run } = setUp([{ ...contoso, accountnumber: null }]);
    const summary = await run();
    expect(summary.counts).toMatchObject({ created: 1, keysGenerated: 1, failed: 0 });
    const [written] = source.keyWrites;
    expect(written!.key).toMatch(/^ACC-01000-[A-Z]{6}$/);
    expect(matchesSequence(anAccountsTask().naturalKey.sequence!, written!.key)).toBe(true);
    expect(source.records[0]!.data['accountnumber']).toBe(written!.key);
    expect(destination.rows.get(`usmf|${written!.key}`)).toMatchObject({ CustomerAccount: written!.key });
  });

  it('fails every holder of a shared account number, naming the others, and syncs the rest', async () => {
    const { destination, run } = setUp([contoso, { ...fabrikam, accountnumber: 'acc-01000-aaaaaa' }, litware]);
    const summary = await run({ full: true });
    expect(summary.counts).toMatchObject({ read: 3, created: 1, failed: 2 });
    expect(summary.failures.map((f) => [f.sourceId, f.code])).toEqual([
      ['a1', 'DUPLICATE_KEY'],
      ['a2', 'DUPLICATE_KEY'],
    ]);
    expect(summary.failures[0]!.message).toBe(
      "Account number 'ACC-01000-AAAAAA' is shared by 2 records (a1, a2); none of them is synced until each has its own",
    );
    expect([...destination.rows.keys()]).toEqual(['usmf|ACC-01002-CCCCCC']);
  });

  it('does not trust key-index entries from earlier runs when the source cannot scan its keys', async () => {
    const { source, state, run } = setUp([fabrikam, contoso], { scan: false });
    // An earlier run saw a1 holding Fabrikam's number; a1 has since been renumbered.
    await state.putKeys(TASK_KEY, [{ id: 'a1', key: 'ACC-01001-BBBBBB' }]);
    const summary = await run({ full: true, task: { pageSize: 1 } });
    expect(summary).toMatchObject({ status: 'Completed', counts: { created: 2, failed: 0 } });
    expect(source.records.map((r) => r.id)).toEqual(['a2', 'a1']);
  });

  describe('dry run', () => {
    it('plans the writes and changes nothing: no run record, no checkpoint, no destination rows', async () => {
      const { destination, state, run } = setUp([contoso, fabrikam]);
      const summary = await run({ dryRun: true });
      expect(summary).toMatchObject({ runId: null, dryRun: true, status: 'Completed', counts: { created: 2 } });
      expect(summary.planned).toEqual([
        { taskId: TASK, key: 'usmf|ACC-01000-AAAAAA', status: 'created' },
        { taskId: TASK, key: 'usmf|ACC-01001-BBBBBB', status: 'created' },
      ]);
      expect(destination.rows.size).toBe(0);
      expect(state.writes).toEqual([]);
      expect(state.checkpoints.size).toBe(0);
      expect(state.keyIndex.size).toBe(0);
    });

    it('plans an account that would get a new number instead of failing it', async () => {
      const { source, state, run } = setUp([{ ...contoso, accountnumber: null }]);
      const summary = await run({ dryRun: true });
      expect(summary).toMatchObject({ status: 'Completed', counts: { created: 1, keysGenerated: 1, failed: 0 } });
      expect(summary.planned).toEqual([{ taskId: TASK, key: 'usmf|(new ACC number)', status: 'created' }]);
      expect(source.keyWrites).toEqual([]);
      expect(source.records[0]!.data['accountnumber']).toBeNull();
      expect(state.writes).toEqual([]);
    });
  });

  it('stops at a fault that is not about one record, keeping what was committed, and calls the run an Error', async () => {
    const { destination, state, run } = setUp([contoso, fabrikam, litware]);
    destination.fault = { error: new FatalError('F&O refused the credentials', { code: 'AUTH' }), afterWrites: 1 };
    const summary = await run();
    expect(summary).toMatchObject({
      status: 'Error',
      message: `${TASK}: F&O refused the credentials`,
      counts: { created: 2 },
    });
    expect(state.runs.get(summary.runId!)).toMatchObject({ status: 'Error', message: summary.message });
    expect(state.checkpoints.get(TASK_KEY)).toEqual({ modifiedon: 2 });
  });

  it('refuses a bad configuration before a run starts', async () => {
    const { state, run } = setUp([contoso]);
    await expect(run({ task: { defaults: { CustomerGroup: '10' } } })).rejects.toThrow(ConfigError);
    expect(state.runs.size).toBe(0);
  });

  it('marks a run left Running by a dead process as Interrupted', async () => {
    const { state, run } = setUp([contoso]);
    const orphan = await state.startRun({ templateId: 'accounts', mode: 'full' });
    await run();
    expect(state.runs.get(orphan.id)!.status).toBe('Interrupted');
  });
});
