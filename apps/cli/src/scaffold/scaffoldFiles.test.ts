import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { connectorFiles } from './connectorFiles.js';
import { connectorNames } from './ConnectorNames.js';
import { scaffoldFiles } from './scaffoldFiles.js';
import { scaffoldNames } from './ScaffoldNames.js';

const EXAMPLE = join(import.meta.dirname, '../../../../examples/template-projects');
const CONNECTOR_EXAMPLE = join(import.meta.dirname, '../../../../examples/connector-files');

describe('scaffoldNames', () => {
  it('derives the package, tables, entity and identifiers from the template id', () => {
    expect(scaffoldNames('service-orders')).toEqual({
      id: 'service-orders',
      packageName: 'p2c-template-service-orders',
      camel: 'serviceOrders',
      pascal: 'ServiceOrders',
      singular: 'ServiceOrder',
      salesSet: 'new_serviceorders',
      salesLogical: 'new_serviceorder',
      finopsSet: 'ServiceOrders',
    });
    expect(scaffoldNames('facilities', { salesSet: 'cr123_facilities', finopsSet: 'FacilitiesV2' })).toMatchObject({
      singular: 'Facility',
      salesLogical: 'cr123_facility',
      finopsSet: 'FacilitiesV2',
    });
  });

  it('refuses a name that cannot be a template id', () => {
    expect(() => scaffoldNames('My Projects')).toThrow(ConfigError);
    expect(() => scaffoldNames('-projects')).toThrow("'-projects' cannot name a template");
  });
});

describe('scaffoldFiles', () => {
  it('writes exactly the example kept in examples/, whose test runs in the suite', () => {
    const files = scaffoldFiles(scaffoldNames('projects', { packageName: '@p2c-examples/template-projects' }), {
      kind: 'workspace',
    });
    for (const file of files)
      expect({ path: file.path, text: readFileSync(join(EXAMPLE, file.path), 'utf8') }).toEqual(file);
  });

  it('asks for the p2c versions it was made with, and core as a peer shared with the CLI', () => {
    const [manifest] = scaffoldFiles(scaffoldNames('projects'), {
      kind: 'published',
      versions: { core: '0.3.0', emulator: '0.3.1', testing: '0.1.0' },
    });
    const parsed = JSON.parse(manifest!.text) as Record<string, Record<string, string>>;
    expect(parsed['peerDependencies']).toEqual({ '@p2c/core': '^0.3.0' });
    expect(parsed['devDependencies']).toMatchObject({
      '@p2c/core': '^0.3.0',
      '@p2c/emulator': '^0.3.1',
      '@p2c/testing': '^0.1.0',
    });
  });
});

describe('connectorFiles', () => {
  it('writes exactly the example connector kept in examples/, whose tests run in the suite', () => {
    const files = connectorFiles(connectorNames('files', { packageName: '@p2c-examples/connector-files' }), {
      kind: 'workspace',
    });
    for (const file of files)
      expect({ path: file.path, text: readFileSync(join(CONNECTOR_EXAMPLE, file.path), 'utf8') }).toEqual(file);
  });

  it('derives the package and class names from the kind, and refuses a kind that cannot be one', () => {
    expect(connectorNames('blob-store')).toEqual({
      kind: 'blob-store',
      packageName: 'p2c-connector-blob-store',
      camel: 'blobStore',
      pascal: 'BlobStore',
    });
    expect(() => connectorNames('Blob Store')).toThrow("'Blob Store' cannot name a connector");
  });

  it('asks for the p2c versions it was made with, and core as a peer shared with the CLI', () => {
    const [manifest] = connectorFiles(connectorNames('files'), {
      kind: 'published',
      versions: { core: '0.3.0', emulator: '0.3.1', testing: '0.1.0' },
    });
    const parsed = JSON.parse(manifest!.text) as Record<string, Record<string, string>>;
    expect(parsed['peerDependencies']).toEqual({ '@p2c/core': '^0.3.0' });
    expect(parsed['devDependencies']).toMatchObject({ '@p2c/testing': '^0.1.0' });
  });
});
