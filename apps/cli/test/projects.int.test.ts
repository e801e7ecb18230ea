import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TemplatePlugin } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { accountsPlugin } from '@p2c/template-accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectRunResult } from '@p2c/core';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';
import { aTemplateLikeAccounts, aTestPlugin } from './support/testPlugins.js';

/** Projects and preconditions, in this process, against an emulator over HTTPS in this process. */
const SECRETS = EMULATOR_SECRETS;

// Two plugins: the real accounts template, and one whose template needs it.
const contactsPlugin = aTestPlugin('@p2c-test/template-contacts', aTemplateLikeAccounts('contacts-test', ['accounts']));
const PLUGINS: TemplatePlugin[] = [accountsPlugin, contactsPlugin];

let dir: string;
let server: EmulatorServer | undefined;

async function setUp(projects: string): Promise<void> {
  const seed = {
    sales: {
      accounts: [{ name: 'Contoso Ltd', accountnumber: 'ACC-09001-CONTSO', address1_country: 'United States' }],
    },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  };
  server = await emulatorProject(dir, seed, projects);
}

async function p2c(args: string[], plugins: TemplatePlugin[] = PLUGINS, env: NodeJS.ProcessEnv = SECRETS) {
  const capture = captureEnvironment({ cwd: dir, env });
  const code = await runCli(args, capture.environment, { plugins });
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

const runsOf = async (template: string) =>
  (JSON.parse((await p2c(['history', '--json', '--template', template])).stdout) as { status: string }[]).map(
    (r) => r.status,
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-projects-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('p2c run --project', () => {
  it('runs the templates so that each comes after its preconditions, whatever order the project lists them in', async () => {
    await setUp('projects:\n  p2c:\n    templates: [contacts-test, accounts]\n');
    const result = await p2c(['run', '--project', 'p2c']);
    expect(result.code).toBe(0);
    const accountsAt = result.stdout.indexOf('Accounts (Sales to Fin and Ops): incremental run');
    const contactsAt = result.stdout.indexOf('contacts-test (test): incremental run');
    expect(accountsAt).toBeGreaterThanOrEqual(0);
    expect(contactsAt).toBeGreaterThan(accountsAt);
    expect(result.stdout).toMatch(
      /Project p2c:\nTEMPLATE\s+STATUS\s+READ.*\n[- ]+\naccounts\s+Completed\s+1\s+1\s.*\ncontacts-test\s+Completed\s+1\s+0\s+1\s.*\n$/,
    );
    expect(server!.emulator.finops.customers.list()).toHaveLength(1);
    expect(await runsOf('accounts')).toEqual(['Completed']);
    expect(await runsOf('contacts-test')).toEqual(['Completed']);
  });

  it('prints one JSON object with a summary per template, in the order they ran', async () => {
    await setUp('projects:\n  p2c:\n    templates: [contacts-test, accounts]\n');
    const result = await p2c(['run', '--project', 'p2c', '--json', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(result.stdout) as ProjectRunResult;
    expect(parsed.project).toBe('p2c');
    expect(parsed.notRun).toEqual([]);
    expect(parsed.runs.map((r) => [r.templateId, r.status, r.dryRun, r.counts.created])).toEqual([
      ['accounts', 'Completed', true, 1],
      ['contacts-test', 'Completed', true, 1],
    ]);
    // A dry run records nothing, so it leaves the preconditions as unmet as it found them.
    expect(server!.emulator.finops.customers.list()).toEqual([]);
    expect((await p2c(['run', 'contacts-test'])).code).toBe(3);
  });

  it('stops at the first template that stops on a fatal fault; the exit code is the worst outcome', async () => {
    const broken = aTestPlugin(
      '@p2c-test/template-broken',
      aTemplateLikeAccounts('broken-test', [], { sourceEntity: 'nosuchentities' }),
    );
    await setUp('projects:\n  p2c:\n    templates: [broken-test, accounts, contacts-test]\n');
    const result = await p2c(['run', '--project', 'p2c', '--json'], [...PLUGINS, broken]);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as ProjectRunResult;
    expect(parsed.runs.map((r) => [r.templateId, r.status])).toEqual([['broken-test', 'Error']]);
    expect(parsed.notRun).toEqual(['accounts', 'contacts-test']);
    expect(server!.emulator.finops.customers.list()).toEqual([]);

    const text = await p2c(['run', '--project', 'p2c'], [...PLUGINS, broken]);
    expect(text.stdout).toMatch(
      /broken-test\s+Error\s.*\naccounts\s+not run \(an earlier template stopped\).*\ncontacts-test\s+not run/,
    );
  });

  it('refuses, before running anything, a project whose template needs one outside it that never completed', async () => {
    await setUp('projects:\n  contacts-only:\n    templates: [contacts-test]\n');
    const refused = await p2c(['run', '--project', 'contacts-only']);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toBe(
      "p2c: Template 'contacts-test' cannot run yet: it needs 'accounts' to have run first, and it has never completed a run (Completed or Warning). Run 'accounts' first, or put it in the same project before 'contacts-test'.\n",
    );
    expect(await runsOf('contacts-test')).toEqual([]);

    expect((await p2c(['run', 'accounts'])).code).toBe(0);
    expect((await p2c(['run', '--project', 'contacts-only'])).code).toBe(0);
    expect(await runsOf('contacts-test')).toEqual(['Completed']);
  });

  it('names the projects there are when asked for one that is not in the config', async () => {
    await setUp('projects:\n  p2c:\n    templates: [accounts]\n');
    const result = await p2c(['run', '--project', 'nope']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^p2c: No project 'nope' in .*p2c\.config\.yaml; projects: 'p2c'\.\n$/);
  });
});

describe('p2c run <template> and preconditions', () => {
  it('refuses a template whose precondition never completed (exit 3), and runs it once it has', async () => {
    await setUp('');
    const refused = await p2c(['run', 'contacts-test']);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      "p2c: Template 'contacts-test' cannot run yet: it needs 'accounts' to have run first",
    );
    expect(await runsOf('contacts-test')).toEqual([]);

    expect((await p2c(['run', 'accounts'])).code).toBe(0);
    const ran = await p2c(['run', 'contacts-test', '--json']);
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ templateId: 'contacts-test', status: 'Completed' });
  });

  it('counts a precondition run that ended in Warning as completed', async () => {
    await setUp('');
    server!.emulator.sales.accounts.insert({
      name: 'Atlantic Holdings',
      accountnumber: 'ACC-09003-ATLANT',
      address1_country: 'Atlantis',
    });
    expect((await p2c(['run', 'accounts'])).code).toBe(1);
    expect((await p2c(['run', 'contacts-test'])).code).toBe(1);
  });

  it('is a usage error (exit 3) without a template or --project, or with both', async () => {
    await setUp('projects:\n  p2c:\n    templates: [accounts]\n');
    const neither = await p2c(['run']);
    expect(neither.code).toBe(3);
    expect(neither.stderr).toBe("error: missing required argument 'template' (or run a project with --project NAME)\n");
    const both = await p2c(['run', 'accounts', '--project', 'p2c']);
    expect(both.code).toBe(3);
    expect(both.stderr).toBe("error: give a template or --project, not both (got 'accounts' and --project p2c)\n");
    expect(await runsOf('accounts')).toEqual([]);
  });
});

describe('p2c templates', () => {
  it('shows the precondition graph: what runs first, what needs it, and an order that satisfies it', async () => {
    const result = await p2c(['templates'], PLUGINS, {});
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\naccounts\s+Accounts \(Sales to Fin and Ops\)\s+Accounts - Account - Customers\s+dataverse:accounts -> finops:CustomersV3\s+none\s+contacts-test\s+@p2c\/template-accounts/,
    );
    expect(result.stdout).toMatch(
      /\ncontacts-test\s+contacts-test \(test\)\s+Accounts - Account - Customers\s+dataverse:accounts -> finops:CustomersV3\s+accounts\s+none\s+@p2c-test\/template-contacts@1\.0\.0/,
    );
    expect(result.stdout).toContain('Run order that satisfies every precondition: accounts -> contacts-test\n');

    const json = JSON.parse((await p2c(['templates', '--json'], PLUGINS, {})).stdout) as {
      id: string;
      preconditions: string[];
      neededBy: string[];
    }[];
    expect(json.map(({ id, preconditions, neededBy }) => ({ id, preconditions, neededBy }))).toEqual([
      { id: 'accounts', preconditions: [], neededBy: ['contacts-test'] },
      { id: 'contacts-test', preconditions: ['accounts'], neededBy: [] },
    ]);
  });

  it('says when the installed preconditions form a cycle', async () => {
    const loop = aTestPlugin(
      '@p2c-test/loop',
      aTemplateLikeAccounts('loop-a', ['loop-b']),
      aTemplateLikeAccounts('loop-b', ['loop-a']),
    );
    const result = await p2c(['templates'], [accountsPlugin, loop], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No run order satisfies the preconditions: The preconditions of');
    expect(result.stdout).toContain('(loop-a needs loop-b needs loop-a)');
  });
});

describe('projects in the config', () => {
  it.each([
    [
      'an unknown template id',
      'projects:\n  p2c:\n    templates: [accounts, contacts]\n',
      "p2c: p2c.config.yaml: projects.p2c.templates[1]: no installed template 'contacts'; installed: 'accounts' (Accounts (Sales to Fin and Ops)), 'contacts-test' (contacts-test (test))\n",
    ],
    [
      'an empty project',
      'projects:\n  p2c:\n    templates: []\n',
      'p2c: p2c.config.yaml: projects.p2c.templates: must list at least one template (e.g. [accounts, contacts])\n',
    ],
    [
      'a misspelt setting',
      'projects:\n  p2c:\n    template: [accounts]\n',
      "p2c: p2c.config.yaml: projects.p2c.templates: required: the project's templates, in order (e.g. [accounts, contacts])\np2c.config.yaml: projects.p2c: unknown setting 'template'; a project only has 'templates'\n",
    ],
    [
      'a template listed twice',
      'projects:\n  p2c:\n    templates: [accounts, accounts]\n',
      "p2c: p2c.config.yaml: projects.p2c.templates: Template 'accounts' is listed twice in the project; list it once.\n",
    ],
  ])('refuses %s with one message naming the field (exit 3, nothing runs)', async (_, projects, message) => {
    await setUp(projects);
    const result = await p2c(['run', 'accounts']);
    expect(result).toEqual({ code: 3, stdout: '', stderr: message });
    expect(server!.emulator.finops.customers.list()).toEqual([]);
  });

  it('refuses a project whose templates need each other in a cycle', async () => {
    const loop = aTestPlugin(
      '@p2c-test/loop',
      aTemplateLikeAccounts('loop-a', ['loop-b']),
      aTemplateLikeAccounts('loop-b', ['loop-a']),
    );
    await setUp('projects:\n  loop:\n    templates: [loop-a, loop-b]\n');
    const result = await p2c(['run', '--project', 'loop'], [accountsPlugin, loop]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('p2c: p2c.config.yaml: projects.loop.templates: The preconditions of');
    expect(result.stderr).toContain('form a cycle (loop-a needs loop-b needs loop-a)');
  });
});
