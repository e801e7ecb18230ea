import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../test/fakes/MemoryStateStore.js';
import { ConfigError } from '../errors/index.js';
import type { RunStatus } from '../state/index.js';
import type { EntityTemplate, Precondition } from '../templates/index.js';
import { checkPreconditions } from './checkPreconditions.js';

const aTemplate = (id: string, ...preconditions: Precondition[]): EntityTemplate => ({
  id,
  name: id,
  description: '',
  preconditions,
  tasks: [],
});
const contacts = aTemplate('contacts', 'accounts');
const invoices = aTemplate('invoices', 'products', 'accounts', 'orders');
// As the quote document lists them: Products; Accounts (if used); Contacts to Customers (if used).
const quotes = aTemplate(
  'quotes',
  'products',
  { template: 'accounts', ifUsed: true },
  { template: 'contact-to-customer', ifUsed: true },
  { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
);

async function stateWith(
  ...runs: [templateId: string, status: Exclude<RunStatus, 'Running'>][]
): Promise<MemoryStateStore> {
  const state = new MemoryStateStore();
  for (const [templateId, status] of runs) {
    const run = await state.startRun({ templateId, mode: 'full' });
    await state.finishRun(run.id, { status });
  }
  return state;
}

async function refusal(
  template: EntityTemplate,
  state: MemoryStateStore,
  inProject = new Set<string>(),
): Promise<ConfigError> {
  const error: unknown = await checkPreconditions(template, state, inProject).then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('checkPreconditions', () => {
  it('refuses a template whose precondition never ran, naming both and what to run first', async () => {
    const error = await refusal(contacts, await stateWith());
    expect(error.code).toBe('PRECONDITION_NEVER_COMPLETED');
    expect(error.message).toBe(
      "Template 'contacts' cannot run yet: it needs 'accounts' to have run first, and it has never completed a run (Completed or Warning). Run 'accounts' first, or put it in the same project before 'contacts'.",
    );
  });

  it.each<Exclude<RunStatus, 'Running'>[]>([['Error'], ['Interrupted'], ['Error', 'Interrupted', 'Error']])(
    'refuses while every run of the precondition ended %s',
    async (...statuses) => {
      const state = await stateWith(...statuses.map((s): [string, typeof s] => ['accounts', s]), [
        'contacts',
        'Completed',
      ]);
      expect((await refusal(contacts, state)).code).toBe('PRECONDITION_NEVER_COMPLETED');
    },
  );

  it('refuses while the precondition run has not ended yet', async () => {
    const state = new MemoryStateStore();
    await state.startRun({ templateId: 'accounts', mode: 'full' });
    expect((await refusal(contacts, state)).code).toBe('PRECONDITION_NEVER_COMPLETED');
  });

  it.each<Exclude<RunStatus, 'Running'>>(['Completed', 'Warning'])(
    'lets it run once the precondition had a run ending %s',
    async (status) => {
      const state = await stateWith(['accounts', 'Error'], ['accounts', status], ['accounts', 'Error']);
      await expect(checkPreconditions(contacts, state, new Set())).resolves.toBeUndefined();
    },
  );

  it('finds a completed run far back in a long history', async () => {
    const state = await stateWith(
      ['accounts', 'Completed'],
      ...Array.from({ length: 120 }, (): [string, 'Error'] => ['accounts', 'Error']),
    );
    // Newest first, as the stores list them.
    const listRuns = state.listRuns.bind(state);
    state.listRuns = async (options) =>
      (await listRuns({ ...options, limit: Number.MAX_SAFE_INTEGER })).reverse().slice(0, options.limit);
    await expect(checkPreconditions(contacts, state, new Set())).resolves.toBeUndefined();
  });

  it('names every missing precondition at once', async () => {
    const error = await refusal(invoices, await stateWith(['accounts', 'Warning']));
    expect(error.message).toContain(
      "it needs 'products' and 'orders' to have run first, and they have never completed a run",
    );
    expect(error.message).not.toContain("'accounts'");
  });

  it('does not look at preconditions that run before it in the same project', async () => {
    const state = await stateWith();
    await expect(checkPreconditions(contacts, state, new Set(['accounts', 'contacts']))).resolves.toBeUndefined();
    const error = await refusal(invoices, state, new Set(['orders', 'products']));
    expect(error.message).toContain("it needs 'accounts' to have run first");
  });

  it('lets a template without preconditions run on an empty history', async () => {
    await expect(checkPreconditions(aTemplate('accounts'), await stateWith(), new Set())).resolves.toBeUndefined();
  });

  describe('a precondition needed only if used, and one of several', () => {
    it('lets a template run without an if-used precondition that never ran, once another source of customers completed', async () => {
      const state = await stateWith(['products', 'Completed'], ['contact-to-customer', 'Completed']);
      await expect(checkPreconditions(quotes, state, new Set())).resolves.toBeUndefined();
    });

    it.each<Exclude<RunStatus, 'Running'>>(['Error', 'Interrupted'])(
      'refuses while an if-used precondition has runs (the last %s) and none completed, though another source completed',
      async (status) => {
        const state = await stateWith(
          ['products', 'Completed'],
          ['contact-to-customer', 'Completed'],
          ['accounts', status],
        );
        const error = await refusal(quotes, state);
        expect(error.code).toBe('PRECONDITION_NEVER_COMPLETED');
        expect(error.message).toBe(
          "Template 'quotes' cannot run yet: it needs 'accounts' to have run first, and it has never completed a run (Completed or Warning). Run 'accounts' first, or put it in the same project before 'quotes'. 'accounts' is needed only if used, and it is: it has runs, none of them Completed or Warning.",
        );
      },
    );

    it('counts an if-used precondition still running as used, and not completed', async () => {
      const state = await stateWith(['products', 'Completed'], ['contact-to-customer', 'Completed']);
      await state.startRun({ templateId: 'accounts', mode: 'full' });
      expect((await refusal(quotes, state)).message).toContain("it needs 'accounts' to have run first");
    });

    it('refuses when no source of customers ever completed, naming each one', async () => {
      const error = await refusal(quotes, await stateWith(['products', 'Completed']));
      expect(error.code).toBe('PRECONDITION_NONE_COMPLETED');
      expect(error.message).toBe(
        "Template 'quotes' cannot run yet: it needs one of 'accounts' or 'contact-to-customer' to have run first (for its customers), and none of them has ever completed a run (Completed or Warning). Run one of 'accounts' or 'contact-to-customer' first, or put one of them in the same project before 'quotes'.",
      );
    });

    it('names a required precondition and the missing source of customers together', async () => {
      const error = await refusal(quotes, await stateWith());
      expect(error.code).toBe('PRECONDITION_NEVER_COMPLETED');
      expect(error.message).toContain("it needs 'products' to have run first");
      expect(error.message).toContain("it needs one of 'accounts' or 'contact-to-customer' to have run first");
    });

    it('takes a source of customers in the same project as met, and does not look at an if-used one there', async () => {
      const state = await stateWith(['products', 'Completed'], ['accounts', 'Error']);
      await expect(checkPreconditions(quotes, state, new Set(['accounts', 'quotes']))).resolves.toBeUndefined();
      await expect(
        checkPreconditions(quotes, await stateWith(['products', 'Completed']), new Set(['contact-to-customer'])),
      ).resolves.toBeUndefined();
    });
  });
});
