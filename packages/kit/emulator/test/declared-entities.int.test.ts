import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorSeedError, startEmulatorServer, type EmulatorSeed } from '../src/index.js';
import { anAccount, aCustomer } from './support/builders.js';
import { startSession } from './support/session.js';

/** The README's example: a projects table and a ProjectsV2 entity of the template author's own. */
const seed: EmulatorSeed = {
  sales: {
    accounts: [anAccount().numbered('ACC-1').build()],
    tables: [
      {
        set: 'new_projects',
        logical: 'new_project',
        primaryName: 'new_name',
        alternateKey: 'new_code',
        columns: {
          new_code: { kind: 'string', maxLength: 20 },
          new_name: { kind: 'string', maxLength: 100, required: true },
          new_budget: { kind: 'money' },
          new_active: { kind: 'boolean', default: true },
        },
        lookups: { new_accountid: { targets: ['accounts'] } },
      },
    ],
    rows: {
      new_projects: [
        { new_code: 'P-1', new_name: 'Roll-out', 'new_accountid@odata.bind': "/accounts(accountnumber='ACC-1')" },
        { new_code: 'P-2', new_name: 'Pilot', new_budget: 500 },
        { new_code: 'P-3', new_name: 'Training', new_budget: 1500 },
      ],
    },
  },
  finops: {
    customers: [aCustomer('US-001').build()],
    entities: [
      {
        entitySet: 'ProjectsV2',
        keyFields: ['ProjectId'],
        fields: {
          ProjectId: { kind: 'string', label: 'Project', required: true },
          ProjectName: { kind: 'string', label: 'Name' },
          CustomerAccount: { kind: 'string', label: 'Customer account', references: 'CustomersV3' },
        },
      },
    ],
    rows: { ProjectsV2: [{ dataAreaId: 'usmf', ProjectId: 'P-1', ProjectName: 'Roll-out' }] },
  },
};

interface Page {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof EmulatorSeedError) return error.problems;
    throw error;
  }
  throw new Error('expected an EmulatorSeedError');
}

describe('tables and entities declared by a seed', () => {
  it('serves a declared table with $filter and paging, as the built-in tables are served', async () => {
    const { sales, emulator } = await startSession(seed);
    const filtered = (await (
      await sales('new_projects?$filter=new_budget gt 100&$select=new_code,new_active&$orderby=new_code')
    ).json()) as Page;
    expect(filtered.value.map((row) => [row['new_code'], row['new_active']])).toEqual([
      ['P-2', true],
      ['P-3', true],
    ]);

    const first = (await (
      await sales('new_projects?$select=new_code', { headers: { Prefer: 'odata.maxpagesize=2' } })
    ).json()) as Page;
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toBeDefined();
    const second = (await (
      await sales(first['@odata.nextLink'] ?? '', { headers: { Prefer: 'odata.maxpagesize=2' } })
    ).json()) as Page;
    expect([...first.value, ...second.value].map((row) => row['new_code']).sort()).toEqual(['P-1', 'P-2', 'P-3']);

    const account = emulator.sales.accounts.list()[0];
    expect(emulator.sales.table('new_projects').get('P-1')).toMatchObject({
      _new_accountid_value: account?.accountid,
      statecode: 0,
    });
    const metadata = await (await sales('$metadata')).text();
    expect(metadata).toContain('EntitySet Name="new_projects" EntityType="Microsoft.Dynamics.CRM.new_project"');
  });

  it('upserts a declared table by its alternate key with a lookup bind', async () => {
    const { sales, emulator } = await startSession(seed);
    const created = await sales("new_projects(new_code='P-9')", {
      method: 'PATCH',
      json: { new_name: 'Migration', 'new_accountid@odata.bind': "/accounts(accountnumber='ACC-1')" },
    });
    expect(created.status).toBe(204);
    const updated = await sales("new_projects(new_code='P-9')", {
      method: 'PATCH',
      headers: { Prefer: 'return=representation,odata.include-annotations="*"' },
      json: { new_budget: 42 },
    });
    expect(updated.status).toBe(200);
    const row = (await updated.json()) as Record<string, unknown>;
    expect(row).toMatchObject({ new_name: 'Migration', new_budget: 42, new_active: true });
    expect(row['_new_accountid_value@OData.Community.Display.V1.FormattedValue']).toBe(
      emulator.sales.accounts.list()[0]?.name,
    );

    const badBind = await sales("new_projects(new_code='P-10')", {
      method: 'PATCH',
      json: { new_name: 'Nowhere', 'new_accountid@odata.bind': "/accounts(accountnumber='NOPE')" },
    });
    expect(badBind.status).toBe(404);
    expect(emulator.sales.table('new_projects').get('P-10')).toBeUndefined();
  });

  it('refuses an F&O create whose referenced customer is missing, with Infolog text', async () => {
    const { finops, emulator } = await startSession(seed);
    const missing = await finops('ProjectsV2', {
      method: 'POST',
      json: { dataAreaId: 'usmf', ProjectId: 'P-2', CustomerAccount: 'GONE' },
    });
    expect(missing.status).toBe(400);
    const error = (await missing.json()) as { error: { innererror: { message: string } } };
    expect(error.error.innererror.message).toBe(
      "Write failed for table row of type 'ProjectV2Entity'. Infolog: Error: Customer account GONE does not exist.",
    );

    const created = await finops('ProjectsV2', {
      method: 'POST',
      json: { dataAreaId: 'usmf', ProjectId: 'P-3', CustomerAccount: 'US-001' },
    });
    expect(created.status).toBe(201);
    const listed = (await (await finops("ProjectsV2?$filter=CustomerAccount eq 'US-001'")).json()) as Page;
    expect(listed.value).toEqual([expect.objectContaining({ ProjectId: 'P-3', ProjectName: '', dataAreaId: 'usmf' })]);
    expect(emulator.finops.entity('ProjectsV2').get({ ProjectId: 'p-1' })).toMatchObject({ ProjectName: 'Roll-out' });
    expect(await (await finops('$metadata')).text()).toContain(
      '<EntitySet Name="ProjectsV2" EntityType="Microsoft.Dynamics.DataEntities.ProjectV2"',
    );
  });

  it('refuses a declared name that clashes with a built-in table or entity', () => {
    const problems = problemsOf(
      () =>
        new Emulator({
          sales: {
            tables: [
              {
                set: 'contacts',
                logical: 'new_contact',
                primaryName: 'new_name',
                columns: { new_name: { kind: 'string' } },
              },
            ],
          },
          finops: {
            entities: [
              { entitySet: 'CustomersV3', keyFields: ['Id'], fields: { Id: { kind: 'string', label: 'Id' } } },
            ],
          },
        }),
    );
    expect(problems).toContain(
      "sales.tables[0].set: 'contacts' is a built-in table of the emulator; choose another name",
    );
    expect(problems).toContain(
      "finops.entities[0].entitySet: 'CustomersV3' is a built-in entity of the emulator; choose another name",
    );
  });

  it('names the path of an invalid declaration', () => {
    const invalid = {
      sales: {
        tables: [
          { set: 'new_things', logical: 'new_thing', primaryName: 'new_name', columns: { new_name: { kind: 'text' } } },
        ],
      },
    } as unknown as EmulatorSeed;
    const problems = problemsOf(() => new Emulator(invalid));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sales\.tables\[0\]\.columns\.new_name\.kind: /);
    expect(problems[0]).toContain('"string"');
  });

  it('forgets declarations on a reset unless the new seed declares them again; an added seed may declare more', () => {
    const emulator = new Emulator(seed);
    emulator.reset({});
    expect(() => emulator.sales.table('new_projects').list()).toThrow(/Unknown Sales table 'new_projects'/);
    expect(() => emulator.finops.entity('ProjectsV2')).toThrow(/Unknown F&O entity set 'ProjectsV2'/);
    emulator.reset(seed);
    expect(emulator.sales.table('new_projects').list()).toHaveLength(3);
  });

  it('lets a seed added through the admin API declare more, pointing at tables declared before', async () => {
    const { emulator, sales } = await startSession(seed);
    const added = await emulator.handle(
      new Request('https://p2c-demo.crm.dynamics.com/_emulator/seed', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          sales: {
            tables: [
              {
                set: 'new_milestones',
                logical: 'new_milestone',
                primaryName: 'new_name',
                columns: { new_name: { kind: 'string', required: true } },
                lookups: { new_projectid: { targets: ['new_projects'], required: true } },
              },
            ],
            rows: {
              new_milestones: [{ new_name: 'Go-live', 'new_projectid@odata.bind': "/new_projects(new_code='P-1')" }],
            },
          },
        }),
      }),
    );
    expect(added.status).toBeLessThan(300);
    const page = (await (await sales('new_milestones?$select=new_name,_new_projectid_value')).json()) as Page;
    expect(page.value).toEqual([
      expect.objectContaining({
        new_name: 'Go-live',
        _new_projectid_value: emulator.sales.table('new_projects').get('P-1')?.['new_projectid'],
      }),
    ]);
    const again = problemsOf(() => emulator.reset({ ...seed, sales: { ...seed.sales, rows: { new_milestones: [] } } }));
    expect(again).toEqual([
      "sales.rows.new_milestones: no table 'new_milestones' to seed (declare it in sales.tables)",
    ]);
  });

  it('loads the README example (with the account it binds to)', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Your own tables and entities'));
    const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)?.[1] ?? '') as {
      sales: Record<string, unknown>;
    };
    const emulator = new Emulator({
      ...example,
      sales: { ...example.sales, accounts: [anAccount().numbered('ACC-1').build()] },
    });
    expect(emulator.sales.table('new_projects').get('P-1')).toMatchObject({ new_name: 'Roll-out', new_active: true });
    expect(emulator.finops.entity('ProjectsV2').list()).toEqual([
      { dataAreaId: 'usmf', ProjectId: 'P-1', ProjectName: 'Roll-out', CustomerAccount: '' },
    ]);
  });

  it('serves declared tables and entities from startEmulatorServer({ seed }) through the admin API', async () => {
    const server = await startEmulatorServer({ seed });
    try {
      const get = (path: string): Promise<{ status: number; body: string }> =>
        new Promise((resolve, reject) => {
          const outgoing = request(`${server.url}${path}`, { ca: server.caPem }, (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () =>
              resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            );
          });
          outgoing.on('error', reject);
          outgoing.end();
        });
      const tables = await get('/_emulator/sales/tables/new_projects');
      expect(tables.status).toBe(200);
      expect((JSON.parse(tables.body) as Page).value).toHaveLength(3);
      const entities = await get('/_emulator/finops/entities/ProjectsV2');
      expect(JSON.parse(entities.body)).toEqual({
        value: [expect.objectContaining({ ProjectId: 'P-1', dataAreaId: 'usmf' })],
      });
    } finally {
      await server.close();
    }
  });
});
