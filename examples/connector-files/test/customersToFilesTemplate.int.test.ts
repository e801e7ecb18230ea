import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorSeed } from '@p2c/emulator';
import { p2cConnectors, startHarness, useEmulator } from '@p2c/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesConnector, filesPlugin } from '../src/index.js';

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
  folder = mkdtempSync(join(tmpdir(), 'p2c-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const exported = () =>
  readFileSync(join(folder, 'customers.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Customers (Fin and Ops to files) against the emulator', () => {
  it('writes one line per F&O customer, then nothing when nothing changed', async () => {
    const h = await startHarness(emulator, seed, {
      plugins: [filesPlugin],
      connectors: [...p2cConnectors, filesConnector],
      connections: { files: { folder } },
    });

    const first = await h.run('customers-to-files');

    expect(first.status).toBe('Completed');
    expect(first.counts).toMatchObject({ read: 2, created: 2, failed: 0 });
    expect(exported()).toEqual([
      { dataAreaId: 'usmf', CustomerAccount: 'C-001', Name: 'Contoso', CustomerGroup: '10' },
      { dataAreaId: 'usmf', CustomerAccount: 'C-002', Name: 'Fabrikam', CustomerGroup: '20' },
    ]);

    const second = await h.run('customers-to-files');
    expect(second.counts).toMatchObject({ read: 2, created: 0, updated: 0 });
    expect(exported()).toHaveLength(2);
  });
});
