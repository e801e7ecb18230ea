import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLogger } from '../logging/Logger.js';
import { Redactor } from '../logging/Redactor.js';
import { defineConnector, type ConnectorContext, type ConnectorDescriptor } from './ConnectorDescriptor.js';
import { ConnectorDescriptorRegistry } from './ConnectorDescriptorRegistry.js';

const files = defineConnector({
  kind: 'files',
  coreApi: '^0.2.0',
  offers: ['source', 'destination'],
  connectionSchema: z.strictObject({ folder: z.string({ error: 'required: the folder' }) }),
  entities: { customers: z.object({ CustomerAccount: z.string() }) },
  create: (settings) => ({ kind: `files at ${settings.folder}` }),
});

const context: ConnectorContext = {
  path: 'connections.exports',
  baseDir: '/project',
  readSecret: () => 'secret',
  redactor: new Redactor(),
  logger: silentLogger,
};

function refusal(descriptor: unknown, plugin = '@acme/files'): string {
  const registry = new ConnectorDescriptorRegistry();
  try {
    registry.register(descriptor as ConnectorDescriptor, plugin);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('ConnectorDescriptorRegistry', () => {
  it('registers descriptors by kind and builds a connector from settings its schema checks', () => {
    const registry = new ConnectorDescriptorRegistry();
    registry.register(files, '@acme/files');
    expect(registry.kinds()).toEqual(['files']);
    expect(registry.pluginOf('files')).toBe('@acme/files');
    expect(registry.create('files', { folder: './out' }, context).kind).toBe('files at ./out');
    expect(() => registry.create('files', {}, context)).toThrow('connections.exports.folder: required: the folder');
  });

  it('describes the entities a connector knows, and nothing for the others', () => {
    const registry = new ConnectorDescriptorRegistry();
    registry.register(files, '@acme/files');
    expect(registry.describeEntity('files', 'customers')?.shape).toHaveProperty('CustomerAccount');
    expect(registry.describeEntity('files', 'toString')).toBeUndefined();
    expect(registry.describeEntity('crm', 'customers')).toBeUndefined();
  });

  it('refuses a descriptor that is not whole, naming the plugin, the connector and the field', () => {
    expect(refusal({ ...files, connectionSchema: undefined })).toBe(
      "Plugin '@acme/files': connector 'files': connectionSchema: expected a zod schema",
    );
    expect(refusal({ ...files, offers: [] })).toBe(
      "Plugin '@acme/files': connector 'files': offers: must offer 'source', 'destination' or both",
    );
    expect(refusal({ ...files, offers: ['sink'] })).toBe(
      "Plugin '@acme/files': connector 'files': offers.0: expected 'source' or 'destination'",
    );
    expect(refusal({ ...files, kind: 'Files' })).toBe(
      "Plugin '@acme/files': connector 'Files': kind: expected lower-case letters, digits and -, e.g. files",
    );
    expect(refusal({ ...files, create: 'new Files()' })).toBe(
      "Plugin '@acme/files': connector 'files': create: expected a function (settings, context) => Connector",
    );
  });

  it('refuses a descriptor built for another core', () => {
    expect(refusal({ ...files, coreApi: '^1.0.0' })).toBe(
      "Plugin '@acme/files': connector 'files': coreApi: built for core ^1.0.0; this p2c has core 0.2.0. Install a version built for core ^0.2.0.",
    );
  });

  it('refuses a kind registered twice, naming both plugins, and names the known kinds for an unknown one', () => {
    const registry = new ConnectorDescriptorRegistry();
    registry.register(files, '@acme/files');
    expect(() => registry.register(files, '@other/files')).toThrow(
      "Plugins '@acme/files' and '@other/files' both provide connector 'files'; remove one.",
    );
    expect(() => registry.get('crm')).toThrow("No connector of kind 'crm' is registered; known kinds: files");
  });
});
