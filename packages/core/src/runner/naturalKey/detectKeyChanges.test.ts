import { describe, expect, it } from 'vitest';
import { anAccountsTask, anAccountsTemplate } from '../../../test/builders/anAccountsTask.js';
import { FakeDestination } from '../../../test/fakes/FakeDestination.js';
import { FakeSource } from '../../../test/fakes/FakeSource.js';
import { MemoryStateStore } from '../../../test/fakes/MemoryStateStore.js';
import type { Connector, ConnectorRegistry, WriteOutcome } from '../../connectors/index.js';
import { ConfigError } from '../../errors/index.js';
import { silentLogger } from '../../logging/index.js';
import type { OnKeyChange } from '../../templates/index.js';
import { taskSettingsSchema, type RunOptions } from '../RunOptions.js';
import { SyncRunner } from '../SyncRunner.js';

const TASK = 'Accounts - Account - Customers';

/** F&O customers that can be renamed, as a destination with a rename API would. */
class RenamingDestination extends FakeDestination {
  refuseRename: string | null = null;
  async renameKey(from: string, to: string): Promise<WriteOutcome> {
    if (this.refuseRename)
      return { key: to, status: 'failed', code: 'RENAME', message: this.refuseRename, retryable: false };
    for (const [key, row] of [...this.rows]) {
      if (!key.endsWith(`|${from}`)) continue;
      this.rows.delete(key);
      this.rows.set(key.replace(`|${from}`, `|${to}`), { ...row, CustomerAccount: to });
    }
    return { key: to, status: 'updated' };
  }
}

function setUp(destination = new FakeDestination(), templateChoice?: OnKeyChange) {
  const source = new FakeSource([
    { id: 'a1', accountnumber: 'ACC-01000-AAAAAA', name: 'Contoso', address1_country: 'Germany' },
    { id: 'a2', accountnumber: 'ACC-01001-BBBBBB', name: 'Fabrikam', address1_country: 'Germany' },
  ]);
  const state = new MemoryStateStore();
  const connectors: ConnectorRegistry = {
    get: (kind): Connector =>
      kind === 'sales' ? { kind, source: () => source } : { kind, destination: () => destination },
  };
  const task = anAccountsTask();
  const template = anAccountsTemplate(
    templateChoice ? { ...task, naturalKey: { ...task.naturalKey, onKeyChange: templateChoice } } : task,
  );
  const runner = new SyncRunner(state, connectors, silentLogger);
  const run = (options: Partial<RunOptions> & { onKeyChange?: OnKeyChange } = {}) => {
    const { onKeyChange, ...rest } = options;
    return runner.run({
      template,
      full: false,
      dryRun: false,
      settings: { [TASK]: taskSettingsSchema.parse(onKeyChange ? { onKeyChange } : {}) },
      organizations: { ORG001: 'usmf' },
      ...rest,
    });
  };
  /** Sales changes the account's number (its id stays), as an edit there would. */
  const renumber = (id: string, accountnumber: string) => {
    const record = source.records.find((r) => r.id === id)!;
    record.data = { ...record.data, accountnumber, modifiedon: Number(record.data['modifiedon']) + 100 };
  };
  return { source, destination, state, run, renumber };
}

describe('a record whose natural key changed since it was synced', () => {
  it('is written under its new key, reported once as a key change, and makes the run a Warning', async () => {
    const { destination, state, run, renumber } = setUp();
    await run();
    renumber('a1', 'ACC-01009-AAAAAA');

    const summary = await run();
    expect(summary.status).toBe('Warning');
    expect(summary.counts).toMatchObject({ read: 1, created: 1, failed: 0, keyChanged: 1 });
    const change = {
      taskId: TASK,
      sourceId: 'a1',
      oldKey: 'ACC-01000-AAAAAA',
      newKey: 'ACC-01009-AAAAAA',
      action: 'reported',
    };
    expect(summary.keyChanges).toEqual([change]);
    expect(await state.listKeyChanges(summary.runId!, { limit: 10 })).toEqual([change]);
    expect([...destination.rows.keys()].sort()).toEqual([
      'usmf|ACC-01000-AAAAAA',
      'usmf|ACC-01001-BBBBBB',
      'usmf|ACC-01009-AAAAAA',
    ]);

    const again = await run({ full: true });
    expect(again).toMatchObject({ status: 'Completed', keyChanges: [], counts: { keyChanged: 0 } });
  });

  it('is no key change when only the case or surrounding spaces of the key changed', async () => {
    const { run, renumber } = setUp();
    await run();
    renumber('a1', ' acc-01000-aaaaaa ');
    const summary = await run();
    expect(summary).toMatchObject({ keyChanges: [], counts: { keyChanged: 0 } });
  });

  it('is reported by a dry run too, which stores nothing', async () => {
    const { state, run, renumber } = setUp();
    await run();
    renumber('a2', 'ACC-01008-BBBBBB');
    const writes = state.writes.length;
    const summary = await run({ dryRun: true });
    expect(summary.keyChanges).toMatchObject([
      { sourceId: 'a2', oldKey: 'ACC-01001-BBBBBB', newKey: 'ACC-01008-BBBBBB' },
    ]);
    expect(state.writes.length).toBe(writes);
  });

  it('is not reported while its write fails, and is reported in the run that writes it', async () => {
    const { destination, run, renumber } = setUp();
    await run();
    renumber('a1', 'ACC-01009-AAAAAA');
    destination.fail = (request) => (request.key.endsWith('ACC-01009-AAAAAA') ? 'refused' : null);
    expect(await run()).toMatchObject({ keyChanges: [], counts: { failed: 1, keyChanged: 0 } });

    destination.fail = () => null;
    const retried = await run();
    expect(retried.keyChanges).toMatchObject([{ sourceId: 'a1', newKey: 'ACC-01009-AAAAAA' }]);
  });

  it("is renamed in a destination that can rename, with onKeyChange: 'rename' from the config", async () => {
    const { destination, run, renumber } = setUp(new RenamingDestination());
    await run();
    renumber('a1', 'ACC-01009-AAAAAA');

    const summary = await run({ onKeyChange: 'rename' });
    expect(summary.keyChanges).toMatchObject([{ sourceId: 'a1', action: 'renamed' }]);
    // The renamed record is then written under its new key: an update, as no hash is stored for that key yet.
    expect(summary.counts).toMatchObject({ created: 0, updated: 1, keyChanged: 1 });
    expect([...destination.rows.keys()].sort()).toEqual(['usmf|ACC-01001-BBBBBB', 'usmf|ACC-01009-AAAAAA']);
  });

  it('fails alone with KEY_RENAME_FAILED when the destination refuses the rename, and is tried again', async () => {
    const destination = new RenamingDestination();
    const { run, renumber } = setUp(destination, 'rename');
    await run();
    renumber('a1', 'ACC-01009-AAAAAA');
    destination.refuseRename = 'the account is in use';

    const summary = await run();
    expect(summary.failures).toMatchObject([{ sourceId: 'a1', code: 'KEY_RENAME_FAILED' }]);
    expect(summary.failures[0]?.message).toContain("'ACC-01000-AAAAAA' to 'ACC-01009-AAAAAA'");
    expect(summary).toMatchObject({ keyChanges: [], counts: { failed: 1, created: 0 } });

    destination.refuseRename = null;
    expect((await run()).keyChanges).toMatchObject([{ sourceId: 'a1', action: 'renamed' }]);
  });

  it("refuses 'rename' before the run starts for a destination that cannot rename, whichever side chose it", async () => {
    const fromConfig = setUp();
    await expect(fromConfig.run({ onKeyChange: 'rename' })).rejects.toThrow(ConfigError);
    await expect(fromConfig.run({ onKeyChange: 'rename' })).rejects.toThrow(
      "onKeyChange: 'rename' needs a destination that can rename a key; finops CustomersV3 cannot",
    );
    expect(fromConfig.state.runs.size).toBe(0);

    const fromTemplate = setUp(new FakeDestination(), 'rename');
    await expect(fromTemplate.run()).rejects.toThrow(ConfigError);
    // The config may set it back to report.
    expect((await fromTemplate.run({ onKeyChange: 'report' })).status).toBe('Completed');
  });
});
