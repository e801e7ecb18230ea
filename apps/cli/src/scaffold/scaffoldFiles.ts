import { CORE_API_VERSION } from '@p2c/core';
import { pluginPackageJson } from './pluginPackageJson.js';
import type { ScaffoldNames } from './ScaffoldNames.js';

/** One file of a new template package: its path inside the package, and its text. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/**
 * Where the new package takes p2c from: version ranges of the published packages, or the
 * monorepo's own (`workspace:*`, for the example kept in `examples/`).
 */
export type ScaffoldDependencies =
  { kind: 'published'; versions: { core: string; emulator: string; testing: string } } | { kind: 'workspace' };

/**
 * The files of a new template package: a plugin (manifest, options, template with its
 * mappings), a README, a seed that declares its tables for the emulator, and an integration
 * test that passes against the emulator as generated. Pure: the command writes them.
 */
export function scaffoldFiles(names: ScaffoldNames, dependencies: ScaffoldDependencies): ScaffoldFile[] {
  return [
    {
      path: 'package.json',
      text: pluginPackageJson(
        {
          packageName: names.packageName,
          description: `p2c template plugin: ${names.pascal} (Sales to Fin and Ops)`,
          extraFiles: ['emulator-seed.json'],
        },
        dependencies,
      ),
    },
    { path: 'tsconfig.json', text: tsconfig(dependencies) },
    { path: '.gitignore', text: 'node_modules\ndist\n*.tgz\n.p2c\n' },
    { path: 'emulator-seed.json', text: `${JSON.stringify(emulatorSeed(names), null, 2)}\n` },
    { path: 'src/options.ts', text: optionsSource(names) },
    { path: `src/${names.camel}Template.ts`, text: templateSource(names) },
    { path: 'src/index.ts', text: indexSource(names) },
    { path: `test/${names.camel}Template.int.test.ts`, text: testSource(names) },
    { path: 'README.md', text: readme(names) },
  ];
}

/** The package's tsconfig: the monorepo's preset, or a standalone one. */
export function tsconfig(dependencies: ScaffoldDependencies): string {
  if (dependencies.kind === 'workspace') {
    return `${JSON.stringify({ extends: '@p2c/tsconfig/base.json', include: ['src', 'test'] }, null, 2)}\n`;
  }
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
    },
    include: ['src', 'test'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Declares the plugin's own Sales table and F&O entity to the emulator, with sample rows. */
function emulatorSeed(names: ScaffoldNames): unknown {
  return {
    sales: {
      tables: [
        {
          set: names.salesSet,
          logical: names.salesLogical,
          primaryName: 'new_name',
          alternateKey: 'new_code',
          columns: {
            new_code: { kind: 'string', maxLength: 20 },
            new_name: { kind: 'string', maxLength: 100 },
            new_description: { kind: 'string', maxLength: 2000 },
          },
        },
      ],
      rows: {
        [names.salesSet]: [
          {
            new_code: `${names.singular.slice(0, 3).toUpperCase()}-001`,
            new_name: 'Office roll-out',
            new_description: 'Forty sites in two waves',
          },
          { new_code: `${names.singular.slice(0, 3).toUpperCase()}-002`, new_name: 'Warehouse upgrade' },
          { new_code: `${names.singular.slice(0, 3).toUpperCase()}-003`, new_name: 'Closed pilot', statecode: 1 },
        ],
      },
    },
    finops: {
      entities: [
        {
          entitySet: names.finopsSet,
          keyFields: [`${names.singular}Id`],
          fields: {
            [`${names.singular}Id`]: { kind: 'string', label: `${names.singular} ID`, required: true },
            [`${names.singular}Name`]: { kind: 'string', label: 'Name', required: true },
            Description: { kind: 'string', label: 'Description' },
            [`${names.singular}Group`]: { kind: 'string', label: `${names.singular} group`, required: true },
          },
        },
      ],
    },
  };
}

function optionsSource(names: ScaffoldNames): string {
  return `import { z } from 'zod';

/**
 * What the configuration may set for this plugin:
 *   plugins:
 *     - package: ${names.packageName}
 *       options: { defaultGroup: FP }
 * p2c checks them with this schema when it loads the plugin, and names the plugin and the
 * option when they are wrong.
 */
export const optionsSchema = z.strictObject({
  /** The ${names.singular} group F&O requires, for ${names.id} that do not say. */
  defaultGroup: z.string().min(1).max(10).default('TM'),
});

export type ${names.pascal}Options = z.output<typeof optionsSchema>;
`;
}

function templateSource(names: ScaffoldNames): string {
  const task = `${names.pascal.toUpperCase()}_TASK_ID`;
  return `import type { EntityTemplate } from '@p2c/core';
import { z } from 'zod';
import type { ${names.pascal}Options } from './options.js';

export const ${task} = '${names.pascal}';

/** The Sales columns the task reads. */
export const salesColumns = ['new_code', 'new_name', 'new_description', 'statecode'];

/** The canonical entity between the two legs, as zod: a record that fails it fails alone, saying why. */
export const ${names.camel}Schema = z.object({
  Code: z.string().max(20),
  Name: z.string({ error: 'a ${names.singular.toLowerCase()} needs a name (new_name)' }).max(100),
  Description: z.string().nullable(),
  Organization_OrganizationId: z.string(),
});

/** ${names.pascal} (Sales to Fin and Ops): Sales \`${names.salesSet}\` rows become F&O \`${names.finopsSet}\`. */
export function ${names.camel}Template(options: ${names.pascal}Options): EntityTemplate {
  return {
    id: '${names.id}',
    name: '${names.pascal} (Sales to Fin and Ops)',
    description: 'Sales ${names.salesSet} rows become ${names.finopsSet} in Finance and Operations.',
    // Templates to run first: 'accounts' (required), { template: 'accounts', ifUsed: true } (only
    // when the project uses it) or { anyOf: ['accounts', 'contact-to-customer'] } (one of them).
    preconditions: [],
    tasks: [
      {
        id: ${task},
        source: {
          connector: 'dataverse',
          ref: {
            entity: '${names.salesSet}',
            key: ['new_code'],
            fields: salesColumns,
            // No change tracking on a custom table unless you turn it on: read by modifiedon.
            options: { idField: '${names.salesLogical}id', changeTracking: false },
          },
        },
        destination: {
          connector: 'finops',
          ref: {
            entity: '${names.finopsSet}',
            key: ['dataAreaId', '${names.singular}Id'],
            fields: ['${names.singular}Id', '${names.singular}Name', 'Description', '${names.singular}Group'],
          },
        },
        canonical: { name: '${names.singular}', schema: ${names.camel}Schema },
        sourceToCanonical: {
          name: 'Sales ${names.salesSet} > ${names.singular}',
          fields: [
            { source: 'new_code', target: 'Code' },
            { source: 'new_name', target: 'Name' },
            { source: 'new_description', target: 'Description' },
            { target: 'Organization_OrganizationId', transforms: [{ transformType: 'Default', value: 'ORG001' }] },
          ],
        },
        canonicalToDestination: {
          name: '${names.singular} > F&O ${names.finopsSet}',
          fields: [
            // The organization map of the config (ORG001: usmf) names the legal entity.
            {
              source: 'Organization_OrganizationId',
              target: 'dataAreaId',
              transforms: [{ transformType: 'Function', name: 'LegalEntity' }],
            },
            { source: 'Code', target: '${names.singular}Id' },
            { source: 'Name', target: '${names.singular}Name', transforms: [{ transformType: 'Truncate', length: 60 }] },
            { source: 'Description', target: 'Description' },
            { target: '${names.singular}Group', transforms: [{ transformType: 'Default', value: options.defaultGroup }] },
          ],
        },
        naturalKey: { sourceField: 'new_code', label: '${names.singular.toLowerCase()} code', rejectDuplicates: true },
        filters: {
          activeOnly: { description: 'only active ${names.id}', where: { field: 'statecode', eq: 0 } },
        },
      },
    ],
  };
}
`;
}

function indexSource(names: ScaffoldNames): string {
  return `import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { optionsSchema, type ${names.pascal}Options } from './options.js';
import { ${names.camel}Template } from './${names.camel}Template.js';

export { ${names.pascal.toUpperCase()}_TASK_ID, ${names.camel}Schema, ${names.camel}Template, salesColumns } from './${names.camel}Template.js';
export { optionsSchema, type ${names.pascal}Options } from './options.js';

/**
 * The plugin manifest p2c loads from the config's \`plugins:\` list. \`coreApi\` is the core API
 * it was written for: p2c refuses the plugin on a core it was not built for.
 */
export const ${names.camel}Plugin = definePlugin<${names.pascal}Options>({
  name: packageJson.name,
  version: packageJson.version,
  coreApi: '^${CORE_API_VERSION}',
  templates: [${names.camel}Template(optionsSchema.parse({}))],
  optionsSchema,
  configure: (options) => [${names.camel}Template(options)],
});

export default ${names.camel}Plugin;
`;
}

function testSource(names: ScaffoldNames): string {
  const code = (n: number) => `${names.singular.slice(0, 3).toUpperCase()}-00${n}`;
  return `import { readFileSync } from 'node:fs';
import type { EmulatorSeed } from '@p2c/emulator';
import { startHarness, useEmulator } from '@p2c/testing';
import { describe, expect, it } from 'vitest';
import { ${names.camel}Plugin } from '../src/index.js';

/** The seed the README runs the emulator with: it declares the ${names.salesSet} table and the ${names.finopsSet} entity. */
const seed = JSON.parse(readFileSync(new URL('../emulator-seed.json', import.meta.url), 'utf8')) as EmulatorSeed;
const emulator = useEmulator();

describe('${names.pascal} (Sales to Fin and Ops) against the emulator', () => {
  it('creates each active ${names.singular.toLowerCase()} in F&O with the default group, leaves out the inactive one, then writes nothing', async () => {
    const h = await startHarness(emulator, seed, { plugins: [${names.camel}Plugin] });

    const first = await h.run('${names.id}');

    expect(first.status).toBe('Completed');
    expect(first.counts).toMatchObject({ read: 3, created: 2, failed: 0, filtered: 1 });
    expect(first.excluded).toEqual([expect.objectContaining({ key: '${code(3)}', rule: 'activeOnly' })]);
    const rows = h.emulator.finops.entity('${names.finopsSet}').list();
    rows.sort((a, b) => String(a['${names.singular}Id']).localeCompare(String(b['${names.singular}Id'])));
    expect(rows).toEqual([
      expect.objectContaining({
        dataAreaId: 'usmf',
        ${names.singular}Id: '${code(1)}',
        ${names.singular}Name: 'Office roll-out',
        ${names.singular}Group: 'TM',
      }),
      expect.objectContaining({
        dataAreaId: 'usmf',
        ${names.singular}Id: '${code(2)}',
        ${names.singular}Name: 'Warehouse upgrade',
        ${names.singular}Group: 'TM',
      }),
    ]);

    h.emulator.resetRequestCounts();
    const second = await h.run('${names.id}');
    expect(second.counts).toMatchObject({ created: 0, updated: 0 });
    expect(h.emulator.requestCounts().finops.writes).toBe(0);
  });

  it('fails a ${names.singular.toLowerCase()} without a name alone, with its reason, and takes the group from its options', async () => {
    const h = await startHarness(emulator, seed, {
      plugins: [{ ...${names.camel}Plugin, templates: ${names.camel}Plugin.configure!({ defaultGroup: 'FP' }) }],
    });
    const table = h.emulator.sales.table('${names.salesSet}');
    const [first] = table.list();
    table.update(String(first!['${names.salesLogical}id']), { new_name: null });

    const summary = await h.run('${names.id}');

    expect(summary.status).toBe('Warning');
    expect(summary.failures).toEqual([
      expect.objectContaining({
        key: '${code(1)}',
        code: 'CANONICAL_INVALID',
        message: expect.stringContaining('needs a name'),
      }),
    ]);
    expect(h.emulator.finops.entity('${names.finopsSet}').list()).toEqual([
      expect.objectContaining({ ${names.singular}Id: '${code(2)}', ${names.singular}Group: 'FP' }),
    ]);
  });
});
`;
}

function readme(names: ScaffoldNames): string {
  return `# ${names.packageName}

A [p2c](https://github.com/p2c-dev/p2c) template plugin: **${names.pascal} (Sales to Fin and Ops)**.
Sales \`${names.salesSet}\` rows become F&O \`${names.finopsSet}\`, matched on their code.

## Use it

\`\`\`
npm install ${names.packageName}
\`\`\`

In \`p2c.config.yaml\`, list it with the plugins you use (p2c's own are listed by \`p2c init\`):

\`\`\`yaml
plugins:
  - "@p2c/template-accounts"
  - package: ${names.packageName}
    options: { defaultGroup: TM }
\`\`\`

Then \`p2c templates\` shows \`${names.id}\`, and \`p2c run ${names.id}\` runs it.

## Try it against the emulator

\`\`\`
p2c emulator --port 8443 --seed node_modules/${names.packageName}/emulator-seed.json
p2c init --emulator https://127.0.0.1:8443      # then add the plugin to the config as above
p2c run ${names.id}
\`\`\`

\`emulator-seed.json\` declares the \`${names.salesSet}\` table and the \`${names.finopsSet}\` entity to the emulator, with three sample rows.

## Mappings

${markdownTable([
  [`Sales \`${names.salesSet}\``, `${names.singular} (canonical)`, `F&O \`${names.finopsSet}\``, 'Transform'],
  ['', 'Organization_OrganizationId', 'dataAreaId', "Default `ORG001`; the config's organization map"],
  ['new_code', 'Code', `${names.singular}Id`, 'the natural key'],
  ['new_name', 'Name', `${names.singular}Name`, 'Truncate 60'],
  ['new_description', 'Description', 'Description', ''],
  ['', '', `${names.singular}Group`, 'Default: the `defaultGroup` option (`TM`)'],
])}

Filter \`activeOnly\`: only rows whose \`statecode\` is 0 (Active); the run's history lists the
others. Change it in the config with \`templates.${names.id}.tasks.${names.pascal}.filters\`.

## Develop

\`\`\`
npm install
npm test            # the integration test runs the template against the emulator (@p2c/testing)
npm run build       # dist/ (ESM + .d.ts), what npm pack ships
\`\`\`

Where p2c's packages come from tarballs rather than the registry (a release candidate), install
them first: \`npm install --save-dev path/to/p2c-*.tgz\` (core, emulator and testing with what
they depend on).

Change the table, columns and entity to yours in \`src/${names.camel}Template.ts\` and
\`emulator-seed.json\`. \`coreApi\` in \`src/index.ts\` is the p2c core API the plugin is written
for; p2c refuses to load it on another.
`;
}

/**
 * A Markdown table with its columns padded to one width, as Prettier lays it out, so a
 * scaffolded README is already formatted whatever the names' lengths (ASCII names only).
 */
function markdownTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 3)).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}
