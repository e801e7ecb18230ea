import { CORE_API_VERSION } from '@p2c/core';
import type { ConnectorNames } from './ConnectorNames.js';
import { pluginPackageJson } from './pluginPackageJson.js';
import { tsconfig, type ScaffoldDependencies, type ScaffoldFile } from './scaffoldFiles.js';

/**
 * The files of a new connector package: a plugin providing a connector (descriptor and class)
 * that keeps JSON-lines files in a folder, as source and destination, and a template that uses
 * it (F&O customers exported to `customers.jsonl`), with unit tests of the connector and an
 * integration test of the template against the emulator. Pure: the command writes them.
 */
export function connectorFiles(names: ConnectorNames, dependencies: ScaffoldDependencies): ScaffoldFile[] {
  return [
    {
      path: 'package.json',
      text: pluginPackageJson(
        {
          packageName: names.packageName,
          description: `p2c connector plugin: ${names.kind} (JSON-lines files in a folder, as source and destination)`,
        },
        dependencies,
      ),
    },
    { path: 'tsconfig.json', text: tsconfig(dependencies) },
    { path: '.gitignore', text: 'node_modules\ndist\n*.tgz\n.p2c\n' },
    { path: 'src/options.ts', text: optionsSource(names) },
    { path: 'src/jsonLines.ts', text: jsonLinesSource() },
    { path: `src/${names.pascal}Source.ts`, text: sourceSource(names) },
    { path: `src/${names.pascal}Destination.ts`, text: destinationSource(names) },
    { path: `src/${names.pascal}Connector.ts`, text: connectorSource(names) },
    { path: `src/${names.camel}Descriptor.ts`, text: descriptorSource(names) },
    { path: `src/customersTo${names.pascal}Template.ts`, text: templateSource(names) },
    { path: 'src/index.ts', text: indexSource(names) },
    { path: `test/${names.pascal}Connector.test.ts`, text: connectorTestSource(names) },
    { path: `test/customersTo${names.pascal}Template.int.test.ts`, text: templateTestSource(names) },
    { path: 'README.md', text: readme(names) },
  ];
}

function optionsSource(names: ConnectorNames): string {
  return `import { z } from 'zod';

/** The connection's settings in p2c.config.yaml: the folder that holds one file per entity set. */
export const ${names.camel}ConnectionSchema = z.strictObject({
  folder: z
    .string({ error: 'required: the folder of the JSON-lines files (e.g. ./data), relative to the config file' })
    .trim()
    .min(1, { error: 'must not be empty: the folder of the JSON-lines files (e.g. ./data)' }),
});
export type ${names.pascal}ConnectionSettings = z.output<typeof ${names.camel}ConnectionSchema>;

/** What a task may ask of an entity read as a source (\`source.ref.options\`). */
export const ${names.camel}SourceOptionsSchema = z.strictObject({
  /** The field holding each line's own id; default: the key fields joined by '|'. */
  idField: z.string().min(1).optional(),
  /**
   * A field every writer sets on change (an ISO date-time): later reads take only the lines
   * changed since the last read. Without it every read is a full read.
   */
  modifiedField: z.string().min(1).optional(),
});
export type ${names.pascal}SourceOptions = z.output<typeof ${names.camel}SourceOptionsSchema>;

/** A destination entity takes no options: lines are upserted by the task's key fields. */
export const ${names.camel}DestinationOptionsSchema = z.strictObject({});

/** Where a read resumes: lines whose modified field is at or after this value. */
export const ${names.camel}CheckpointSchema = z.object({ modifiedSince: z.string() });
`;
}

function jsonLinesSource(): string {
  return `import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { FatalError } from '@p2c/core';

export type JsonObject = Record<string, unknown>;

/**
 * The objects of a JSON-lines file, one line at a time (memory stays bounded by the page, not
 * the file). A file that does not exist holds nothing; a line that is not a JSON object stops
 * the read, naming the file and the line.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonObject> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve, reject) => {
    stream.once('readable', () => resolve(true));
    stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(false) : reject(error)));
  });
  if (!opened) return;
  let number = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new FatalError(path + ':' + String(number) + ': not JSON (' + (error as Error).message + ')', {
        code: 'JSONL_INVALID',
      });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new FatalError(path + ':' + String(number) + ': expected a JSON object on each line', {
        code: 'JSONL_INVALID',
      });
    }
    yield value as JsonObject;
  }
}

/**
 * Replaces the file with these objects, one per line, crash-safe: they go to a temporary file
 * beside it, flushed to disk, then renamed over it, so a reader sees the old file or the new
 * one, never half of one.
 */
export async function writeJsonLines(path: string, rows: Iterable<JsonObject>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = path + '.' + String(process.pid) + '.' + String(Date.now()) + '.tmp';
  const handle = await open(temporary, 'w');
  try {
    for (const row of rows) await handle.write(JSON.stringify(row) + '\\n');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
`;
}

function sourceSource(names: ConnectorNames): string {
  return `import { join } from 'node:path';
import {
  parseEntityOptions,
  type Checkpoint,
  type EntityRef,
  type ReadOptions,
  type RecordSource,
  type SourcePage,
  type SourceRecord,
} from '@p2c/core';
import { readJsonLines, type JsonObject } from './jsonLines.js';
${namedImport([`${names.camel}CheckpointSchema`, `${names.camel}SourceOptionsSchema`, `type ${names.pascal}SourceOptions`], './options.js')}

/** One entity set read from \`<folder>/<entity>.jsonl\`, in pages, fully or by a watermark. */
export class ${names.pascal}Source implements RecordSource {
  readonly entity: string;
  readonly #path: string;
  readonly #options: ${names.pascal}SourceOptions;

  constructor(
    folder: string,
    private readonly ref: EntityRef,
  ) {
    this.entity = ref.entity;
    this.#path = join(folder, ref.entity + '.jsonl');
    this.#options = parseEntityOptions(${names.camel}SourceOptionsSchema, ref, '${names.kind}');
  }

  async *read(options: ReadOptions): AsyncIterable<SourcePage> {
    const { modifiedField } = this.#options;
    const since = this.#since(options.checkpoint);
    // Lines at the watermark are read again: one written in the same instant is not missed.
    let watermark = since;
    let records: SourceRecord[] = [];
    for await (const row of readJsonLines(this.#path)) {
      if (modifiedField !== undefined) {
        const modified = row[modifiedField];
        if (typeof modified === 'string' && (watermark === undefined || modified > watermark)) watermark = modified;
        if (since !== undefined && !(typeof modified === 'string' && modified >= since)) continue;
      }
      records.push({ id: this.#idOf(row), data: row });
      if (records.length === options.pageSize) {
        yield { records, checkpoint: null };
        records = [];
      }
    }
    const checkpoint = modifiedField !== undefined && watermark !== undefined ? { modifiedSince: watermark } : null;
    yield { records, checkpoint };
  }

  async readByIds(ids: readonly string[]): Promise<SourceRecord[]> {
    const wanted = new Set(ids);
    const found: SourceRecord[] = [];
    for await (const row of readJsonLines(this.#path)) {
      const id = this.#idOf(row);
      if (wanted.has(id)) found.push({ id, data: row });
    }
    return found;
  }

  #since(checkpoint: Checkpoint | null): string | undefined {
    if (checkpoint === null || this.#options.modifiedField === undefined) return undefined;
    const parsed = ${names.camel}CheckpointSchema.safeParse(checkpoint);
    return parsed.success ? parsed.data.modifiedSince : undefined;
  }

  #idOf(row: JsonObject): string {
    const { idField } = this.#options;
    const parts = idField === undefined ? this.ref.key.map((field) => row[field]) : [row[idField]];
    return parts.map(idPart).join('|');
  }
}

/** One part of an id as text: a missing value is empty, anything not scalar its JSON. */
function idPart(part: unknown): string {
  if (part === undefined || part === null) return '';
  if (typeof part === 'string') return part;
  if (typeof part === 'number' || typeof part === 'boolean') return String(part);
  return JSON.stringify(part);
}
`;
}

function destinationSource(names: ConnectorNames): string {
  return `import { join } from 'node:path';
import {
  parseEntityOptions,
  type EntityRef,
  type RecordDestination,
  type WriteOptions,
  type WriteOutcome,
  type WriteRequest,
} from '@p2c/core';
import { readJsonLines, writeJsonLines, type JsonObject } from './jsonLines.js';
import { ${names.camel}DestinationOptionsSchema } from './options.js';

/**
 * One entity set kept in \`<folder>/<entity>.jsonl\`: each batch upserts lines by the task's key
 * fields and replaces the file crash-safely. Batches are written one after another.
 */
export class ${names.pascal}Destination implements RecordDestination {
  readonly entity: string;
  readonly #path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    folder: string,
    private readonly ref: EntityRef,
  ) {
    this.entity = ref.entity;
    this.#path = join(folder, ref.entity + '.jsonl');
    parseEntityOptions(${names.camel}DestinationOptionsSchema, ref, '${names.kind}');
  }

  write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const written = this.#queue.then(() => this.#write(batch, options));
    this.#queue = written.catch(() => undefined);
    return written;
  }

  async #write(batch: WriteRequest[], options: WriteOptions): Promise<WriteOutcome[]> {
    const rows = new Map<string, JsonObject>();
    for await (const row of readJsonLines(this.#path)) rows.set(this.#keyOf(row), row);
    const outcomes = batch.map((request): WriteOutcome => {
      const key = this.#keyOf(request.row);
      const existing = rows.get(key);
      if (existing !== undefined && sameValues(existing, request.row)) return { key: request.key, status: 'unchanged' };
      rows.set(key, { ...existing, ...request.row });
      return { key: request.key, status: existing === undefined ? 'created' : 'updated' };
    });
    const changed = outcomes.some((outcome) => outcome.status !== 'unchanged');
    if (changed && !options.dryRun) await writeJsonLines(this.#path, rows.values());
    return outcomes;
  }

  #keyOf(row: JsonObject): string {
    return JSON.stringify(this.ref.key.map((field) => row[field] ?? null));
  }
}

/** Whether every field the request writes already holds that value. */
function sameValues(existing: JsonObject, row: JsonObject): boolean {
  return Object.entries(row).every(([field, value]) => JSON.stringify(existing[field]) === JSON.stringify(value));
}
`;
}

function connectorSource(names: ConnectorNames): string {
  return `import type { Connector, EntityRef, RecordDestination, RecordSource } from '@p2c/core';
import { ${names.pascal}Destination } from './${names.pascal}Destination.js';
import { ${names.pascal}Source } from './${names.pascal}Source.js';

/**
 * JSON-lines files in a folder, one file per entity set (\`customers.jsonl\`), one JSON object
 * per line: a source and a destination, as teams use them for migrations and for evidence.
 */
export class ${names.pascal}Connector implements Connector {
  readonly kind = '${names.kind}';

  constructor(private readonly folder: string) {}

  source(ref: EntityRef): RecordSource {
    return new ${names.pascal}Source(this.folder, ref);
  }

  destination(ref: EntityRef): RecordDestination {
    return new ${names.pascal}Destination(this.folder, ref);
  }
}
`;
}

function descriptorSource(names: ConnectorNames): string {
  return `import { resolve } from 'node:path';
import { defineConnector } from '@p2c/core';
import { ${names.pascal}Connector } from './${names.pascal}Connector.js';
${namedImport([`${names.camel}ConnectionSchema`, `${names.camel}DestinationOptionsSchema`, `${names.camel}SourceOptionsSchema`], './options.js')}

/**
 * The descriptor p2c registers by kind: what the connector offers, the core it was written
 * for, its settings' and options' schemas, and how to build it from checked settings.
 */
export const ${names.camel}Connector = defineConnector({
  kind: '${names.kind}',
  coreApi: '^${CORE_API_VERSION}',
  offers: ['source', 'destination'],
  connectionSchema: ${names.camel}ConnectionSchema,
  sourceOptionsSchema: ${names.camel}SourceOptionsSchema,
  destinationOptionsSchema: ${names.camel}DestinationOptionsSchema,
  // A relative folder is taken from the config file's folder, as every path in it is.
  create: (settings, context) => new ${names.pascal}Connector(resolve(context.baseDir, settings.folder)),
});
`;
}

function templateSource(names: ConnectorNames): string {
  return `import type { EntityTemplate } from '@p2c/core';
import { z } from 'zod';

export const CUSTOMERS_TASK_ID = 'Customers';

/** The canonical customer between the two legs: a record that fails it fails alone, saying why. */
export const customerSchema = z.object({
  LegalEntity: z.string(),
  AccountNumber: z.string(),
  Name: z.string({ error: 'a customer needs a name (OrganizationName)' }),
  CustomerGroup: z.string().nullable(),
});

/**
 * Customers (Fin and Ops to ${names.kind}): every F&O customer (CustomersV3, every legal entity)
 * becomes a line of \`customers.jsonl\`, an evidence export that later runs keep up to date.
 */
export const customersTo${names.pascal}Template: EntityTemplate = {
  id: 'customers-to-${names.kind}',
  name: 'Customers (Fin and Ops to ${names.kind})',
  description: 'F&O customers become lines of customers.jsonl, one per customer and legal entity.',
  preconditions: [],
  tasks: [
    {
      id: CUSTOMERS_TASK_ID,
      source: {
        connector: 'finops',
        ref: {
          entity: 'CustomersV3',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: ['dataAreaId', 'CustomerAccount', 'OrganizationName', 'CustomerGroupId'],
        },
      },
      destination: {
        connector: '${names.kind}',
        ref: {
          entity: 'customers',
          key: ['dataAreaId', 'CustomerAccount'],
          fields: ['dataAreaId', 'CustomerAccount', 'Name', 'CustomerGroup'],
        },
      },
      canonical: { name: 'Customer', schema: customerSchema },
      sourceToCanonical: {
        name: 'F&O CustomersV3 > Customer',
        fields: [
          { source: 'dataAreaId', target: 'LegalEntity' },
          { source: 'CustomerAccount', target: 'AccountNumber' },
          { source: 'OrganizationName', target: 'Name' },
          { source: 'CustomerGroupId', target: 'CustomerGroup' },
        ],
      },
      canonicalToDestination: {
        name: 'Customer > customers.jsonl',
        fields: [
          { source: 'LegalEntity', target: 'dataAreaId' },
          { source: 'AccountNumber', target: 'CustomerAccount' },
          { source: 'Name', target: 'Name' },
          { source: 'CustomerGroup', target: 'CustomerGroup' },
        ],
      },
      naturalKey: {
        sourceField: 'CustomerAccount',
        // One account number may exist in several legal entities: the key holds both.
        compose: (record) =>
          typeof record['dataAreaId'] === 'string' && typeof record['CustomerAccount'] === 'string'
            ? record['dataAreaId'] + '|' + record['CustomerAccount']
            : null,
        label: 'legal entity and customer account',
        rejectDuplicates: false,
      },
    },
  ],
};
`;
}

function indexSource(names: ConnectorNames): string {
  return `import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { customersTo${names.pascal}Template } from './customersTo${names.pascal}Template.js';
import { ${names.camel}Connector } from './${names.camel}Descriptor.js';

export { ${names.pascal}Connector } from './${names.pascal}Connector.js';
export { ${names.camel}Connector } from './${names.camel}Descriptor.js';
export { CUSTOMERS_TASK_ID, customerSchema, customersTo${names.pascal}Template } from './customersTo${names.pascal}Template.js';
export {
  ${names.camel}ConnectionSchema,
  ${names.camel}SourceOptionsSchema,
  type ${names.pascal}ConnectionSettings,
  type ${names.pascal}SourceOptions,
} from './options.js';

/**
 * The plugin manifest p2c loads from the config's \`plugins:\` list: the connector (kind
 * \`${names.kind}\`) and a template that uses it. \`coreApi\` is the core API it was written for.
 */
export const ${names.camel}Plugin = definePlugin({
  name: packageJson.name,
  version: packageJson.version,
  coreApi: '^${CORE_API_VERSION}',
  connectors: [${names.camel}Connector],
  templates: [customersTo${names.pascal}Template],
});

export default ${names.camel}Plugin;
`;
}

function connectorTestSource(names: ConnectorNames): string {
  return `import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityRef, SourcePage } from '@p2c/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ${names.pascal}Connector } from '../src/index.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'p2c-${names.kind}-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const ref = (options?: Record<string, unknown>): EntityRef => ({
  entity: 'items',
  key: ['code'],
  fields: ['code', 'name', 'modified'],
  ...(options === undefined ? {} : { options }),
});

const lines = (...rows: object[]) => rows.map((row) => JSON.stringify(row) + '\\n').join('');

async function readAll(options: Record<string, unknown> | undefined, checkpoint: SourcePage['checkpoint'] = null) {
  const pages: SourcePage[] = [];
  const source = new ${names.pascal}Connector(folder).source(ref(options));
  for await (const page of source.read({ checkpoint, pageSize: 2 })) pages.push(page);
  return pages;
}

describe('${names.pascal}Connector', () => {
  it('reads a file in pages, ids from the key, and later only the lines changed since its watermark', async () => {
    writeFileSync(
      join(folder, 'items.jsonl'),
      lines(
        { code: 'A', name: 'Anvil', modified: '2026-01-01T00:00:00Z' },
        { code: 'B', name: 'Bolt', modified: '2026-01-03T00:00:00Z' },
        { code: 'C', name: 'Cog', modified: '2026-01-02T00:00:00Z' },
      ),
    );
    const full = await readAll({ modifiedField: 'modified' });
    expect(full.map((page) => page.records.map((record) => record.id))).toEqual([['A', 'B'], ['C']]);
    expect(full.at(-1)?.checkpoint).toEqual({ modifiedSince: '2026-01-03T00:00:00Z' });

    const later = await readAll({ modifiedField: 'modified' }, { modifiedSince: '2026-01-02T00:00:00Z' });
    expect(later.flatMap((page) => page.records.map((record) => record.id))).toEqual(['B', 'C']);
  });

  it('upserts by key: creates, updates, leaves the same values alone, and writes nothing on a dry run', async () => {
    const destination = new ${names.pascal}Connector(folder).destination(ref());
    const request = (code: string, name: string) => ({ key: code, row: { code, name }, knownToExist: false });

    expect(await destination.write([request('A', 'Anvil'), request('B', 'Bolt')], { dryRun: false })).toEqual([
      { key: 'A', status: 'created' },
      { key: 'B', status: 'created' },
    ]);
    expect(await destination.write([request('A', 'Anvil'), request('B', 'Big bolt')], { dryRun: false })).toEqual([
      { key: 'A', status: 'unchanged' },
      { key: 'B', status: 'updated' },
    ]);
    expect(await destination.write([request('C', 'Cog')], { dryRun: true })).toEqual([{ key: 'C', status: 'created' }]);

    expect(readFileSync(join(folder, 'items.jsonl'), 'utf8')).toBe(
      lines({ code: 'A', name: 'Anvil' }, { code: 'B', name: 'Big bolt' }),
    );
  });

  it('reads nothing from a file that is not there, and names the line that is not JSON', async () => {
    expect((await readAll(undefined)).flatMap((page) => page.records)).toEqual([]);
    writeFileSync(join(folder, 'items.jsonl'), lines({ code: 'A' }) + '{oops\\n');
    await expect(readAll(undefined)).rejects.toThrow(/items\\.jsonl:2: not JSON/);
  });
});
`;
}

function templateTestSource(names: ConnectorNames): string {
  return `import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorSeed } from '@p2c/emulator';
import { p2cConnectors, startHarness, useEmulator } from '@p2c/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ${names.camel}Connector, ${names.camel}Plugin } from '../src/index.js';

const emulator = useEmulator();
const seed: EmulatorSeed = {
  finops: {
    customers: [
      { dataAreaId: 'usmf', CustomerAccount: 'C-001', OrganizationName: 'Contoso', CustomerGroupId: '10' },
      { dataAreaId: 'usmf', CustomerAccount: 'C-002', OrganizationName: 'Fabrikam', CustomerGroupId: '20' },
    ],
  },
};

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'p2c-${names.kind}-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const exported = () =>
  readFileSync(join(folder, 'customers.jsonl'), 'utf8')
    .trim()
    .split('\\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Customers (Fin and Ops to ${names.kind}) against the emulator', () => {
  it('writes one line per F&O customer, then nothing when nothing changed', async () => {
    const h = await startHarness(emulator, seed, {
      plugins: [${names.camel}Plugin],
      connectors: [...p2cConnectors, ${names.camel}Connector],
      connections: { ${names.kind}: { folder } },
    });

    const first = await h.run('customers-to-${names.kind}');

    expect(first.status).toBe('Completed');
    expect(first.counts).toMatchObject({ read: 2, created: 2, failed: 0 });
    expect(exported()).toEqual([
      { dataAreaId: 'usmf', CustomerAccount: 'C-001', Name: 'Contoso', CustomerGroup: '10' },
      { dataAreaId: 'usmf', CustomerAccount: 'C-002', Name: 'Fabrikam', CustomerGroup: '20' },
    ]);

    const second = await h.run('customers-to-${names.kind}');
    expect(second.counts).toMatchObject({ read: 2, created: 0, updated: 0 });
    expect(exported()).toHaveLength(2);
  });
});
`;
}

/** An import on one line when it fits Prettier's width, else one name a line, as Prettier lays it out. */
function namedImport(imported: readonly string[], from: string): string {
  const line = `import { ${imported.join(', ')} } from '${from}';`;
  return line.length <= 120 ? line : `import {\n${imported.map((name) => `  ${name},\n`).join('')}} from '${from}';`;
}

function readme(names: ConnectorNames): string {
  return `# ${names.packageName}

A [p2c](https://github.com/p2c-dev/p2c) connector plugin: kind **\`${names.kind}\`**, JSON-lines files in a
folder as a source and a destination (one file per entity set, one JSON object per line), and
a template that uses it: **Customers (Fin and Ops to ${names.kind})**, F&O customers exported to
\`customers.jsonl\`.

## Use it

\`\`\`
npm install ${names.packageName}
\`\`\`

In \`p2c.config.yaml\`, add a connection of its kind and list the plugin with the ones you use:

\`\`\`yaml
connections:
  # sales and finops as before
  exports:
    kind: ${names.kind}
    folder: ./exports # relative to this file
plugins:
  - "@p2c/template-accounts"
  - ${names.packageName}
\`\`\`

Then \`p2c templates\` shows \`customers-to-${names.kind}\`, and \`p2c run customers-to-${names.kind}\` writes
\`exports/customers.jsonl\`.

## How it reads and writes

- A source reads \`<folder>/<entity>.jsonl\` in pages. With \`modifiedField\` in the task's
  \`source.ref.options\` (a field holding an ISO date-time), later runs read only the lines
  changed since the last one; without it every run reads the whole file. \`idField\` names a
  line's own id (default: the key fields).
- A destination upserts lines by the task's key fields: new keys are added, changed lines
  updated, the same values left alone. Each batch replaces the file crash-safely (a temporary
  file, flushed, then renamed over it); a dry run writes nothing.

## Develop

\`\`\`
npm install
npm test            # the connector's unit tests, and the template against the emulator (@p2c/testing)
npm run build       # dist/ (ESM + .d.ts), what npm pack ships
\`\`\`

Make it reach your system: replace \`src/${names.pascal}Source.ts\` and
\`src/${names.pascal}Destination.ts\`, and the settings in \`src/options.ts\`. \`coreApi\` in
\`src/${names.camel}Descriptor.ts\` and \`src/index.ts\` is the p2c core API it is written for; p2c
refuses to load it on another.
`;
}
