import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { starterConfig } from '../src/config/starterConfig.js';
import { captureEnvironment } from './support/captureEnvironment.js';

/**
 * A task declaration is checked when its plugin loads, and again with the config's overrides:
 * each mistake is one line naming the template, the task and the field, and exit 3.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-task-checks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ZOD = pathToFileURL(createRequire(import.meta.url).resolve('zod')).href;

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: {} });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

/** The starter config with the accounts task's settings replaced by `settings` (YAML, indented 8). */
function writeAccountsSettings(settings: string): void {
  const config = starterConfig().replace(
    /( {6}"Accounts - Account - Customers":\n)( {8}.*\n| *#.*\n)+/,
    (_, head: string) => `${head}${settings}\n`,
  );
  writeFileSync(join(dir, 'p2c.config.yaml'), config);
}

/**
 * A plugin in plain ESM with one task, Sales `new_projects` to F&O `ProjectsV2`; `task` is a
 * JavaScript object spread over the task (`{ filters: ... }`) to put one mistake in it.
 */
function writePlugin(task = '{}', parents = ''): void {
  writeFileSync(
    join(dir, 'projects.mjs'),
    `import { z } from ${JSON.stringify(ZOD)};
const task = {
  id: 'Projects',
  source: { connector: 'dataverse', ref: { entity: 'new_projects', key: ['new_code'], fields: ['new_code', 'new_name', 'statecode'], options: { idField: 'new_projectid' } } },
  destination: { connector: 'finops', ref: { entity: 'ProjectsV2', key: ['dataAreaId', 'ProjectId'], fields: ['ProjectId', 'ProjectName'] } },
  canonical: { name: 'Project', schema: z.strictObject({ Code: z.string(), Name: z.string().nullable(), Active: z.boolean().nullable() }) },
  sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code' }, { source: 'new_name', target: 'Name' }] },
  canonicalToDestination: {
    name: 'Project > F&O',
    fields: [
      { target: 'dataAreaId', transforms: [{ transformType: 'Default', value: 'usmf' }] },
      { source: 'Code', target: 'ProjectId' },
      { source: 'Name', target: 'ProjectName' },
    ],
  },
  naturalKey: { sourceField: 'new_code', label: 'project code', rejectDuplicates: false },
  ${parents}
};
export default {
  name: '@acme/p2c-template-projects',
  version: '1.0.0',
  coreApi: '^0.2.0',
  templates: [{ id: 'projects', name: 'Projects', description: '', preconditions: [], tasks: [{ ...task, ...${task} }] }],
};`,
  );
  writeFileSync(
    join(dir, 'p2c.config.yaml'),
    starterConfig().replace(/^plugins:\n( {2}- .*\n)+/m, 'plugins:\n  - ./projects.mjs\n'),
  );
}

describe('the issue: mistakes that used to pass silently', () => {
  it('a config filter on a misspelt field', async () => {
    writeAccountsSettings('        filters:\n          r: { field: Nmae, eq: x }');
    const result = await p2c(['history']);
    expect(result.stderr).toBe(
      "p2c: p2c.config.yaml: templates.accounts.tasks.Accounts - Account - Customers.filters.r.Nmae: the filter reads 'Nmae', which is not a field of the dataverse entity accounts. Did you mean 'name'?\n",
    );
    expect(result.code).toBe(3);
  });

  it('a number as a default where F&O wants a string, with the quoted fix', async () => {
    writeAccountsSettings('        defaults:\n          CustomerGroupId: 10');
    const result = await p2c(['history']);
    expect(result.stderr).toBe(
      "p2c: p2c.config.yaml: templates.accounts.tasks.Accounts - Account - Customers.defaults.CustomerGroupId: the default 10 is a number; the field wants a string. Quote it: '10'.\n",
    );
    expect(result.code).toBe(3);
  });

  it('a mapping whose target is not a field of the canonical entity', async () => {
    writePlugin(
      "{ sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code' }, { source: 'new_name', target: 'Nmae' }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': Nmae: Sales > Project maps to 'Nmae', which is not a field of the canonical entity Project. Did you mean 'Name'?\n",
    );
    expect(result.code).toBe(3);
  });
});

describe('a task declaration checked as its plugin loads', () => {
  it('loads a plugin whose task is right', async () => {
    writePlugin();
    const result = await p2c(['templates', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a destination mapping that reads no canonical field', async () => {
    writePlugin(
      "{ canonicalToDestination: { name: 'Project > F&O', fields: [{ source: 'Title', target: 'ProjectName' }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': ProjectName: Project > F&O reads 'Title', which is not a field of the canonical entity Project.\n",
    );
    expect(result.code).toBe(3);
  });

  it('a destination mapping whose target the destination entity (as its connector describes it) does not have', async () => {
    writePlugin(
      "{ destination: { connector: 'finops', ref: { entity: 'CustomersV3', key: ['dataAreaId', 'CustomerAccount'], fields: ['CustomerAccount'] } }, canonicalToDestination: { name: 'Project > F&O', fields: [{ source: 'Code', target: 'CustomerAccount' }, { source: 'Name', target: 'CustomerTitle' }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': CustomerTitle: Project > F&O maps to 'CustomerTitle', which is not a field of the finops entity CustomersV3.\n",
    );
    expect(result.code).toBe(3);
  });

  it('a source mapping that reads a column the source entity does not declare', async () => {
    writePlugin(
      "{ sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code' }, { source: 'new_nmae', target: 'Name' }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': Name: Sales > Project reads 'new_nmae', which is not a field of the declared fields of new_projects. Did you mean 'new_name'?\n",
    );
    expect(result.code).toBe(3);
  });

  it('a transform nothing provides', async () => {
    writePlugin(
      "{ sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code', transforms: [{ transformType: 'Function', name: 'Upper' }] }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': Code: Sales > Project uses transform 'Upper', which nothing provides; provided: LegalEntity\n",
    );
    expect(result.code).toBe(3);
  });

  it("a template's filter on a field the source does not have", async () => {
    writePlugin("{ filters: { open: { description: 'open ones', where: { field: 'state', eq: 0 } } } }");
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': filters.open.state: the filter reads 'state', which is not a field of the declared fields of new_projects.\n",
    );
    expect(result.code).toBe(3);
  });

  it("a template's default of the wrong type for a canonical field", async () => {
    writePlugin(
      "{ sourceToCanonical: { name: 'Sales > Project', fields: [{ source: 'new_code', target: 'Code' }, { target: 'Active', transforms: [{ transformType: 'Default', value: 'yes' }] }] } }",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': Active: Sales > Project: the default \"yes\" is a string; the field wants a boolean.\n",
    );
    expect(result.code).toBe(3);
  });

  it('a parent in a task that is not registered', async () => {
    writePlugin(
      '{}',
      "parents: [{ name: 'customer', sourceField: 'new_customer', tasks: ['acounts/Accounts - Account - Customers'] }],",
    );
    const result = await p2c(['templates']);
    expect(result.stderr).toBe(
      "p2c: Template 'projects', task 'Projects': parents.customer: 'acounts/Accounts - Account - Customers': no template of it is installed; installed: projects\n",
    );
    expect(result.code).toBe(3);
  });
});

describe("the config's overrides, checked against the task", () => {
  it('a config filter comparing a number column with text', async () => {
    writeAccountsSettings("        filters:\n          big: { field: numberofemployees, eq: 'many' }");
    const result = await p2c(['history']);
    expect(result.stderr).toBe(
      'p2c: p2c.config.yaml: templates.accounts.tasks.Accounts - Account - Customers.filters.big.numberofemployees: "many" is a string; the field wants a number.\n',
    );
    expect(result.code).toBe(3);
  });

  it('a value map whose output has the wrong type', async () => {
    writeAccountsSettings('        valueMaps:\n          CreditLimit: { "": "none" }');
    const result = await p2c(['history']);
    expect(result.stderr).toBe(
      'p2c: p2c.config.yaml: templates.accounts.tasks.Accounts - Account - Customers.valueMaps.CreditLimit[""]: the value map\'s output "none" is a string; the field wants a number.\n',
    );
    expect(result.code).toBe(3);
  });
});
