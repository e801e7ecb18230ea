import { readFileSync } from 'node:fs';
import type { EmulatorSeed } from '@p2c/emulator';
import { startHarness, useEmulator } from '@p2c/testing';
import { describe, expect, it } from 'vitest';
import { projectsPlugin } from '../src/index.js';

/** The seed the README runs the emulator with: it declares the new_projects table and the Projects entity. */
const seed = JSON.parse(readFileSync(new URL('../emulator-seed.json', import.meta.url), 'utf8')) as EmulatorSeed;
const emulator = useEmulator();

describe('Projects (Sales to Fin and Ops) against the emulator', () => {
  it('creates each active project in F&O with the default group, leaves out the inactive one, then writes nothing', async () => {
    const h = await startHarness(emulator, seed, { plugins: [projectsPlugin] });

    const first = await h.run('projects');

    expect(first.status).toBe('Completed');
    expect(first.counts).toMatchObject({ read: 3, created: 2, failed: 0, filtered: 1 });
    expect(first.excluded).toEqual([expect.objectContaining({ key: 'PRO-003', rule: 'activeOnly' })]);
    const rows = h.emulator.finops.entity('Projects').list();
    rows.sort((a, b) => String(a['ProjectId']).localeCompare(String(b['ProjectId'])));
    expect(rows).toEqual([
      expect.objectContaining({
        dataAreaId: 'usmf',
        ProjectId: 'PRO-001',
        ProjectName: 'Office roll-out',
        ProjectGroup: 'TM',
      }),
      expect.objectContaining({
        dataAreaId: 'usmf',
        ProjectId: 'PRO-002',
        ProjectName: 'Warehouse upgrade',
        ProjectGroup: 'TM',
      }),
    ]);

    h.emulator.resetRequestCounts();
    const second = await h.run('projects');
    expect(second.counts).toMatchObject({ created: 0, updated: 0 });
    expect(h.emulator.requestCounts().finops.writes).toBe(0);
  });

  it('fails a project without a name alone, with its reason, and takes the group from its options', async () => {
    const h = await startHarness(emulator, seed, {
      plugins: [{ ...projectsPlugin, templates: projectsPlugin.configure!({ defaultGroup: 'FP' }) }],
    });
    const table = h.emulator.sales.table('new_projects');
    const [first] = table.list();
    table.update(String(first!['new_projectid']), { new_name: null });

    const summary = await h.run('projects');

    expect(summary.status).toBe('Warning');
    expect(summary.failures).toEqual([
      expect.objectContaining({
        key: 'PRO-001',
        code: 'CANONICAL_INVALID',
        message: expect.stringContaining('needs a name'),
      }),
    ]);
    expect(h.emulator.finops.entity('Projects').list()).toEqual([
      expect.objectContaining({ ProjectId: 'PRO-002', ProjectGroup: 'FP' }),
    ]);
  });
});
