import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, Redactor, TemplateRegistry } from '@p2c/core';
import { accountsPlugin } from '@p2c/template-accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { buildConnectorRegistry } from '../plugins/buildConnectorRegistry.js';
import { loadConfig } from './loadConfig.js';
import { readSecret } from './readSecret.js';
import { starterConfig } from './starterConfig.js';

const TASK = 'Accounts - Account - Customers';

let dir: string;
let templates: TemplateRegistry;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-config-'));
  const connectors = buildConnectorRegistry([]);
  templates = new TemplateRegistry({ describeEntity: connectors.describeEntity });
  templates.register(accountsPlugin);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Fields = Record<string, unknown>;

/** The starter config as parsed YAML: the edits break it on purpose, so its values are loose. */
interface StarterConfig {
  connections?: { sales: Fields; finops: Fields };
  templates?: { [id: string]: unknown; accounts: { tasks: Record<string, Fields> } };
  projects?: unknown;
  organizations?: unknown;
}

/** Writes the starter config with `edit` applied to its parsed form, and loads it. */
function loadEdited(edit: (config: StarterConfig) => void) {
  const config = parseDocument(starterConfig()).toJS() as StarterConfig;
  edit(config);
  writeFileSync(join(dir, 'p2c.config.yaml'), JSON.stringify(config));
  return loadConfig('p2c.config.yaml', templates, dir);
}

function failureOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads the starter config that init writes, resolving paths against its folder', () => {
    writeFileSync(join(dir, 'p2c.config.yaml'), starterConfig());
    const config = loadConfig('p2c.config.yaml', templates, dir);
    expect(config.statePath).toBe(join(dir, '.p2c', 'state.db'));
    expect(config.connections['sales']).toMatchObject({
      kind: 'dataverse',
      settings: { url: 'https://contoso.crm.dynamics.com' },
    });
    expect(config.connections['finops']).toMatchObject({
      kind: 'finops',
      settings: { clientSecretEnv: 'P2C_FINOPS_CLIENT_SECRET' },
    });
    expect(config.organizations).toEqual({ ORG001: 'usmf' });
    expect(config.templates['accounts']?.[TASK]).toMatchObject({
      pageSize: 5000,
      batchSize: 100,
      defaults: { CustomerGroupId: '10' },
      valueMaps: {},
    });
  });

  it("reads init --emulator's config, its CA path left for the connector to resolve against the config's folder", () => {
    const text = starterConfig({
      salesUrl: 'https://127.0.0.1:8443',
      finopsUrl: 'https://127.0.0.1:8443',
      tenantId: 'tenant',
      clientId: 'client',
      authorityHost: 'https://127.0.0.1:8443',
      ca: './.p2c/emulator-ca.pem',
    });
    writeFileSync(join(dir, 'p2c.config.yaml'), text);
    const config = loadConfig(join(dir, 'p2c.config.yaml'), templates, '/');
    expect(config.dir).toBe(dir);
    expect(config.connections['sales']?.settings).toMatchObject({ authorityHost: 'https://127.0.0.1:8443' });
    expect(config.connections['finops']?.settings).toMatchObject({ ca: './.p2c/emulator-ca.pem' });
  });

  it('takes a connection under any name when it names its kind, and defaults only sales and finops', () => {
    const config = loadEdited((c) => {
      const connections = c.connections as unknown as Record<string, Fields>;
      connections['crm'] = { kind: 'dataverse', ...connections['sales'] };
      delete connections['sales'];
    });
    expect(Object.entries(config.connections).map(([name, { kind }]) => [name, kind])).toEqual([
      ['finops', 'finops'],
      ['crm', 'dataverse'],
    ]);
  });

  it('refuses a connection without a kind under another name, and two connections of one kind', () => {
    const renamed = failureOf(() =>
      loadEdited((c) => {
        const connections = c.connections as unknown as Record<string, Fields>;
        connections['crm'] = { ...connections['sales'] };
        delete connections['crm']['kind'];
        delete connections['sales'];
      }),
    );
    expect(renamed.message).toBe(
      'p2c.config.yaml: connections.crm.kind: required: the kind of connector that reaches it; known kinds: dataverse, finops',
    );
    const twice = failureOf(() =>
      loadEdited((c) => {
        const connections = c.connections as unknown as Record<string, Fields>;
        connections['backup'] = { kind: 'finops', ...connections['finops'] };
      }),
    );
    expect(twice.message).toBe(
      "p2c.config.yaml: connections.backup.kind: connection 'finops' is of kind 'finops' already; templates reach a system by kind, so keep one connection per kind",
    );
  });

  it('gives tasks without settings no entry (the runner applies the defaults)', () => {
    const config = loadEdited((c) => delete c.templates);
    expect(config.templates).toEqual({});
  });

  it('reads projects as lists of template ids, and has none when the section is left out', () => {
    expect(loadEdited((c) => (c.projects = { p2c: { templates: ['accounts'] } })).projects).toEqual({
      p2c: { templates: ['accounts'] },
    });
    expect(loadEdited(() => {}).projects).toEqual({});
  });

  it('says the file is missing and suggests p2c init', () => {
    const error = failureOf(() => loadConfig('p2c.config.yaml', templates, dir));
    expect(error.message).toBe(
      "No config file at p2c.config.yaml. Run 'p2c init' to write a starter config there (or pass --config FILE).",
    );
  });

  it('names the line of a YAML syntax error', () => {
    writeFileSync(join(dir, 'p2c.config.yaml'), 'state:\n  sqlite: [unclosed\n');
    const error = failureOf(() => loadConfig('p2c.config.yaml', templates, dir));
    expect(error.message).toMatch(/^p2c\.config\.yaml: not valid YAML: .*line \d+/);
  });

  describe('one message naming the field and the fix', () => {
    const cases: [string, (c: StarterConfig) => void, string][] = [
      [
        'a URL that is not a URL',
        (c) => (c.connections!.sales.url = 'contoso'),
        'p2c.config.yaml: connections.sales.url: expected an https URL (e.g. https://contoso.crm.dynamics.com)',
      ],
      [
        'a plain http URL',
        (c) => (c.connections!.finops.url = 'http://contoso.operations.dynamics.com'),
        'p2c.config.yaml: connections.finops.url: expected an https URL (e.g. https://contoso.operations.dynamics.com)',
      ],
      [
        'a missing section',
        (c) => delete c.connections,
        "p2c.config.yaml: connections: required: the connections section with 'sales' and 'finops'; run 'p2c init' for a starter config",
      ],
      [
        'a missing connection field',
        (c) => delete c.connections!.sales.clientId,
        'p2c.config.yaml: connections.sales.clientId: required: the application (client) id of the app registration',
      ],
      [
        'an unknown template',
        (c) => (c.templates!.contacts = { tasks: {} }),
        "p2c.config.yaml: templates.contacts: no installed template 'contacts'; installed: 'accounts' (Accounts (Sales to Fin and Ops))",
      ],
      [
        'an unknown task',
        (c) => (c.templates!.accounts.tasks = { Contacts: {} }),
        `p2c.config.yaml: templates.accounts.tasks.Contacts: template 'accounts' has no task 'Contacts'; its tasks: '${TASK}'`,
      ],
      [
        'a page size over the Dataverse maximum',
        (c) => (c.templates!.accounts.tasks[TASK]!.pageSize = 10000),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}.pageSize: must be at most 5000`,
      ],
      [
        'a page size that is not a number',
        (c) => (c.templates!.accounts.tasks[TASK]!.pageSize = 'lots'),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}.pageSize: expected a number, got text 'lots'`,
      ],
      [
        'a misspelt task setting',
        (c) => (c.templates!.accounts.tasks[TASK]!.pagesize = 100),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}: unknown setting 'pagesize'; allowed: defaults, valueMaps, pageSize, batchSize, changesetSize, writeConcurrency, onDelete`,
      ],
      [
        'a default for a field no mapping produces',
        (c) => (c.templates!.accounts.tasks[TASK]!.defaults = { CustomerGroup: '10' }),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}.defaults.CustomerGroup: no mapping produces 'CustomerGroup'.`,
      ],
      [
        'a number default where F&O wants text',
        (c) => (c.templates!.accounts.tasks[TASK]!.defaults = { CustomerGroupId: 10 }),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}.defaults.CustomerGroupId: the default 10 is a number; the field wants a string. Quote it: '10'.`,
      ],
      [
        'a filter on a misspelt field',
        (c) => (c.templates!.accounts.tasks[TASK]!.filters = { r: { field: 'Nmae', eq: 'x' } }),
        `p2c.config.yaml: templates.accounts.tasks.${TASK}.filters.r.Nmae: the filter reads 'Nmae', which is not a field of the dataverse entity accounts.`,
      ],
      [
        'a project naming a template that is not installed',
        (c) => (c.projects = { p2c: { templates: ['accounts', 'contacts'] } }),
        "p2c.config.yaml: projects.p2c.templates[1]: no installed template 'contacts'; installed: 'accounts' (Accounts (Sales to Fin and Ops))",
      ],
      [
        'a project that is not a list of templates',
        (c) => (c.projects = { p2c: ['accounts'] }),
        "p2c.config.yaml: projects.p2c: expected a mapping with templates (e.g. 'templates: [accounts, contacts]')",
      ],
      [
        'an empty organization map',
        (c) => (c.organizations = {}),
        "p2c.config.yaml: organizations: must map at least one CDS organization to an F&O legal entity (e.g. 'ORG001: usmf')",
      ],
      [
        'an environment variable name that is not one',
        (c) => (c.connections!.sales.clientSecretEnv = 'my secret'),
        'p2c.config.yaml: connections.sales.clientSecretEnv: expected the NAME of an environment variable',
      ],
    ];
    it.each(cases)('%s', (_name, edit, expected) => {
      const error = failureOf(() => loadEdited(edit));
      expect(error.message.split('\n')).toHaveLength(1);
      expect(error.message.startsWith(expected)).toBe(true);
    });
  });

  it('refuses a secret in the file without repeating it', () => {
    const error = failureOf(() => loadEdited((c) => (c.connections!.sales.clientSecret = 'hunter2-very-secret')));
    expect(error.message).toContain('connections.sales: the client secret must not be in the config file');
    expect(error.message).not.toContain('hunter2');
  });

  it('lists every problem when there are several, one per line', () => {
    const error = failureOf(() =>
      loadEdited((c) => {
        c.connections!.sales.url = 'nope';
        c.connections!.finops.tenantId = '';
      }),
    );
    expect(error.message.split('\n')).toEqual([
      expect.stringContaining('connections.sales.url: expected an https URL'),
      expect.stringContaining('connections.finops.tenantId: must not be empty'),
    ]);
  });
});

describe('readSecret', () => {
  it('says which environment variable to export when it is not set', () => {
    const error = failureOf(() =>
      readSecret('connections.sales', 'P2C_SALES_CLIENT_SECRET', 'clientSecretEnv', {}, new Redactor()),
    );
    expect(error.message).toBe(
      'connections.sales.clientSecretEnv: environment variable P2C_SALES_CLIENT_SECRET is not set; export it before running',
    );
  });

  it('registers the secret with the redactor as it reads it', () => {
    const redactor = new Redactor();
    const env = { P2C_FINOPS_CLIENT_SECRET: 's3cr3t-value' };
    expect(readSecret('connections.finops', 'P2C_FINOPS_CLIENT_SECRET', 'clientSecretEnv', env, redactor)).toBe(
      's3cr3t-value',
    );
    expect(redactor.redact('token request with s3cr3t-value failed')).toBe('token request with *** failed');
  });
});
