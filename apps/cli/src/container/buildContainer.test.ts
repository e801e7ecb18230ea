import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigError,
  P2C,
  Redactor,
  SyncRunner,
  silentLogger,
  type Connector,
  type ConnectorRegistry,
  type StateStore,
  type TemplatePlugin,
  type TemplateRegistry,
} from '@p2c/core';
import { accountsPlugin } from '@p2c/template-accounts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/loadConfig.js';
import { starterConfig } from '../config/starterConfig.js';
import { FIRST_PARTY_PLUGINS } from '../plugins/firstPartyPlugins.js';
import { loadPlugins } from '../plugins/loadPlugins.js';
import { toPluginEntry } from '../plugins/PluginEntry.js';
import { buildContainer, provideConfig } from './buildContainer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-container-'));
  writeFileSync(join(dir, 'p2c.config.yaml'), starterConfig());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function containerWith(env: NodeJS.ProcessEnv, redactor = new Redactor()) {
  const container = buildContainer({ redactor, logger: silentLogger, env, plugins: [accountsPlugin] });
  const config = loadConfig('p2c.config.yaml', container.get<TemplateRegistry>(P2C.TemplateRegistry), dir);
  provideConfig(container, config);
  return container;
}

describe('buildContainer', () => {
  it("registers p2c's own plugins, loaded by package name like any other, and a registry built from them", async () => {
    const entries = FIRST_PARTY_PLUGINS.map((name) => toPluginEntry(name, 'test'));
    const container = buildContainer({
      redactor: new Redactor(),
      logger: silentLogger,
      env: {},
      plugins: await loadPlugins(entries, dir),
    });
    const plugins = container.getAll<TemplatePlugin>(P2C.TemplatePlugin);
    expect(plugins[0]).toBe(accountsPlugin);
    expect(plugins.flatMap((plugin) => (plugin.templates ?? []).map((template) => template.id))).toEqual([
      'accounts',
      'contacts',
      'contact-to-customer',
      'products',
      'quotes',
      'orders',
      'invoices',
    ]);
    const registry = container.get<TemplateRegistry>(P2C.TemplateRegistry);
    expect(registry.get('Accounts (Sales to Fin and Ops)').id).toBe('accounts');
    expect(registry.get('Sales Invoices (Fin and Ops to Sales)').preconditions).toEqual([
      'products',
      { template: 'accounts', ifUsed: true },
      { template: 'contact-to-customer', ifUsed: true },
      'orders',
      { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
    ]);
  });

  it('opens the state store without any secret, and closes it when unbound', async () => {
    const container = containerWith({});
    const state = await container.getAsync<StateStore>(P2C.StateStore);
    expect(await state.listRuns({ limit: 5 })).toEqual([]);
    expect(await container.getAsync<StateStore>(P2C.StateStore)).toBe(state);
    await container.unbindAllAsync();
    await expect(state.listRuns({ limit: 5 })).rejects.toThrow();
  });

  it('resolves each connection by kind, reading its secret only then', () => {
    const container = containerWith({
      P2C_SALES_CLIENT_SECRET: 'sales-secret-1',
      P2C_FINOPS_CLIENT_SECRET: 'finops-secret-1',
    });
    expect(container.get<Connector>(P2C.Connector, { name: 'dataverse' }).kind).toBe('dataverse');
    const registry = container.get<ConnectorRegistry>(P2C.ConnectorRegistry);
    expect(registry.get('finops').kind).toBe('finops');
    expect(registry.get('finops')).toBe(registry.get('finops'));
  });

  it('fails with the config message when a secret is not exported', () => {
    const container = containerWith({ P2C_SALES_CLIENT_SECRET: 'sales-secret-1' });
    const registry = container.get<ConnectorRegistry>(P2C.ConnectorRegistry);
    expect(() => registry.get('finops')).toThrow(
      new ConfigError(
        'connections.finops.clientSecretEnv: environment variable P2C_FINOPS_CLIENT_SECRET is not set; export it before running',
        { code: 'SECRET_MISSING' },
      ),
    );
  });

  it('names the kinds it knows when a template asks for another', () => {
    const registry = containerWith({}).get<ConnectorRegistry>(P2C.ConnectorRegistry);
    expect(() => registry.get('salesforce')).toThrow(/'salesforce' connection.*known kinds: dataverse, finops\./);
  });

  it('says which connection to add when a template needs a kind the config has none of', () => {
    writeFileSync(join(dir, 'p2c.config.yaml'), starterConfig().replace(/^ {2}finops:.*\n(?: {4}.*\n)+/m, ''));
    const registry = containerWith({}).get<ConnectorRegistry>(P2C.ConnectorRegistry);
    expect(() => registry.get('finops')).toThrow(
      `A template needs a 'finops' connection and ${join(dir, 'p2c.config.yaml')} has none: add one under connections with 'kind: finops'`,
    );
  });

  it('registers the configured secrets with the redactor as soon as the config is loaded', () => {
    const redactor = new Redactor();
    containerWith({ P2C_SALES_CLIENT_SECRET: 'sales-secret-1' }, redactor);
    expect(redactor.redact('x sales-secret-1 y')).toBe('x *** y');
  });

  it('builds the sync runner from the state store, the connectors and the logger', async () => {
    const runner = await containerWith({}).getAsync<SyncRunner>(P2C.SyncRunner);
    expect(runner).toBeInstanceOf(SyncRunner);
  });
});
