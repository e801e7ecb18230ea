import { describe, expect, it } from 'vitest';
import { anAccountsTemplate } from '../../test/builders/anAccountsTask.js';
import { thrownBy } from '../../test/thrownBy.js';
import { ConfigError } from '../errors/index.js';
import type { EntityTemplate } from './EntityTemplate.js';
import { CORE_API_VERSION, definePlugin, type TemplatePlugin } from './TemplatePlugin.js';
import { TemplateRegistry } from './TemplateRegistry.js';

const aTemplate = (id: string, name: string): EntityTemplate => ({ ...anAccountsTemplate(), id, name });

const accounts = aTemplate('accounts', 'Accounts (Sales to Fin and Ops)');
const contacts = aTemplate('contacts', 'Contacts (Sales to Fin and Ops)');

const aPlugin = (name: string, templates: EntityTemplate[], coreApi = `^${CORE_API_VERSION}`): TemplatePlugin =>
  definePlugin({ name, version: '1.0.0', coreApi, templates });

const registryWith = (...plugins: TemplatePlugin[]) => {
  const registry = new TemplateRegistry();
  for (const plugin of plugins) registry.register(plugin);
  return registry;
};

const [major, minor, patch] = CORE_API_VERSION.split('.').map(Number) as [number, number, number];

describe('TemplateRegistry', () => {
  it('refuses a plugin whose task misses what the runner needs, naming the path', () => {
    const broken = {
      ...accounts,
      tasks: [{ ...accounts.tasks[0]!, naturalKey: undefined }],
    } as unknown as EntityTemplate;
    const error = thrownBy(() => registryWith(aPlugin('@acme/broken', [broken])));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^Plugin '@acme\/broken': templates\.0\.tasks\.0\.naturalKey: /);
  });

  it('finds a template by id and by its Data Integrator name, whatever the case', () => {
    const registry = registryWith(aPlugin('@p2c/template-accounts', [accounts, contacts]));
    expect(registry.get('accounts')).toBe(accounts);
    expect(registry.get('CONTACTS')).toBe(contacts);
    expect(registry.get('accounts (sales to fin and ops)')).toBe(accounts);
    expect(registry.get('  Accounts (Sales to Fin and Ops) ')).toBe(accounts);
  });

  it('lists the installed templates and knows which plugin provides each', () => {
    const plugin = aPlugin('@p2c/template-accounts', [accounts, contacts]);
    const registry = registryWith(plugin);
    expect(registry.list()).toEqual([accounts, contacts]);
    expect(registry.pluginOf('contacts')).toBe(plugin);
    expect(registry.pluginOf('orders')).toBeUndefined();
  });

  it('names the installed templates when asked for one it does not have', () => {
    const error = thrownBy(() => registryWith(aPlugin('a', [accounts, contacts])).get('orders'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: 'UNKNOWN_TEMPLATE',
      message:
        "No template 'orders'. Installed: accounts (Accounts (Sales to Fin and Ops)), contacts (Contacts (Sales to Fin and Ops))",
    });
    expect(() => new TemplateRegistry().get('accounts')).toThrow("No template 'accounts'. Installed: none");
  });

  it('refuses a template id that another plugin already provides, naming both plugins', () => {
    const registry = registryWith(aPlugin('@p2c/template-accounts', [accounts]));
    const error = thrownBy(() => registry.register(aPlugin('acme-accounts', [aTemplate('accounts', 'Acme accounts')])));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      code: 'PLUGIN_DUPLICATE_TEMPLATE',
      message: "Plugins '@p2c/template-accounts' and 'acme-accounts' both provide template 'accounts'; remove one.",
    });
    expect(registry.get('accounts')).toBe(accounts);
  });

  describe('core API compatibility', () => {
    it.each([`^${CORE_API_VERSION}`, CORE_API_VERSION])('accepts a plugin built for %s', (coreApi) => {
      expect(registryWith(aPlugin('p', [accounts], coreApi)).get('accounts')).toBe(accounts);
    });

    it.each([
      ['the next minor (a breaking change while the major is 0)', `^${major}.${minor + 1}.0`],
      ['the next major', `^${major + 1}.0.0`],
      ['a newer patch than this core', `^${major}.${minor}.${patch + 1}`],
    ])('refuses a plugin built for %s', (_, coreApi) => {
      const registry = new TemplateRegistry();
      const error = thrownBy(() => registry.register(aPlugin('old-plugin', [accounts], coreApi)));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({
        code: 'PLUGIN_CORE_MISMATCH',
        message: `Plugin 'old-plugin' was built for core ${coreApi}; this is core ${CORE_API_VERSION}. Install a version of the plugin built for it.`,
      });
      expect(registry.list()).toEqual([]);
    });

    it('refuses a plugin built for an older minor while core is 0.x (caret rule)', () => {
      // At 1.0 an older minor becomes compatible: this case then changes meaning.
      expect(major).toBe(0);
      expect(minor).toBeGreaterThan(0);
      expect(() => registryWith(aPlugin('p', [accounts], `^0.${minor - 1}.0`))).toThrow(
        /^Plugin 'p' was built for core/,
      );
    });
  });

  describe('manifest validation', () => {
    it.each([
      ['version', { version: 'latest' }, 'version: expected a semver version'],
      ['coreApi', { coreApi: '>=0.1' }, "coreApi: expected a range like '^0.2.0'"],
      ['templates', { templates: [] }, 'templates:'],
      ['a template id', { templates: [{ ...accounts, id: '' }] }, 'templates.0.id:'],
      ['the name', { name: '' }, 'name:'],
    ])('refuses a plugin with an invalid %s, naming the field', (_, change, expected) => {
      const plugin = { ...aPlugin('broken', [accounts]), ...change } as TemplatePlugin;
      const error = thrownBy(() => new TemplateRegistry().register(plugin));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ code: 'PLUGIN_INVALID' });
      expect((error as Error).message).toContain(expected);
      expect((error as Error).message).toMatch(/^Plugin '(broken|)'/);
    });
  });
});
