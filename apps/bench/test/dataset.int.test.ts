import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEmulatorSeed } from '@p2c/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_COUNTRY_CODES, generateBenchAccounts, readSeedFileChunks, writeSeedFile } from '../src/index.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('the bench dataset', () => {
  it('is the same on every generation for a seed, and different for another seed', () => {
    const first = [...generateBenchAccounts({ count: 100 })];
    const second = [...generateBenchAccounts({ count: 100 })];
    const other = [...generateBenchAccounts({ count: 100, seed: 7 })];

    expect(second).toEqual(first);
    expect(other.map((a) => a.accountid)).not.toEqual(first.map((a) => a.accountid));
  });

  it('holds clean Sales accounts: unique ids and account numbers, about 5% without one, resolvable countries', () => {
    const accounts = [...generateBenchAccounts({ count: 100 })];

    expect(accounts).toHaveLength(100);
    expect(new Set(accounts.map((a) => a.accountid)).size).toBe(100);
    for (const account of accounts) {
      expect(account.accountid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(account.name.length).toBeGreaterThan(0);
      expect(account.name.length).toBeLessThanOrEqual(160);
      if (account.accountnumber !== null) expect(account.accountnumber).toMatch(/^ACC-\d{5,7}-[A-Z]{6}$/);
      expect(BENCH_COUNTRY_CODES[account.address1_country]).toMatch(/^[A-Z]{3}$/);
      expect(account.modifiedon < '2025-01-01T00:00:00Z').toBe(true);
    }
    const numbers = accounts.flatMap((a) => (a.accountnumber === null ? [] : [a.accountnumber]));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(88);
    expect(numbers.length).toBeLessThan(100);
    // Free text as people type it, not only ISO codes.
    expect(new Set(accounts.map((a) => a.address1_country)).size).toBeGreaterThan(5);
  });

  it('writes a seed file the emulator accepts, and reads it back in chunks', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'p2c-bench-test-'));
    folders.push(folder);
    const file = join(folder, 'seed.json');

    const written = await writeSeedFile(file, generateBenchAccounts({ count: 100 }));

    expect(written.accounts).toBe(100);
    const seed = parseEmulatorSeed(JSON.parse(await readFile(file, 'utf8')));
    expect(seed.sales?.accounts).toHaveLength(100);
    expect(seed.finops?.legalEntities).toEqual(['usmf']);

    const { reference, chunks } = await readSeedFileChunks(file, 30);
    expect(reference.sales?.accounts ?? []).toEqual([]);
    expect(reference.finops?.customerGroups).toEqual([
      { dataAreaId: 'usmf', CustomerGroupId: '10', Description: 'Wholesale customers' },
    ]);
    const rows: unknown[] = [];
    for await (const chunk of chunks) {
      const part = parseEmulatorSeed(JSON.parse(chunk.body));
      expect(part.sales?.accounts).toHaveLength(chunk.rows);
      rows.push(...(JSON.parse(chunk.body) as { sales: { accounts: unknown[] } }).sales.accounts);
    }
    expect(rows).toEqual([...generateBenchAccounts({ count: 100 })]);
  });
});
