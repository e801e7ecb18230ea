import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../Emulator.js';
import { loadSeedFile } from './loadSeedFile.js';
import { EmulatorSeedError, parseEmulatorSeed } from './parseEmulatorSeed.js';

function problemsOf(seed: unknown): readonly string[] {
  try {
    parseEmulatorSeed(seed);
  } catch (error) {
    if (error instanceof EmulatorSeedError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEmulatorSeed', () => {
  it('names the field path of a wrong type', () => {
    const accounts = [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 42 }];
    expect(problemsOf({ sales: { accounts } })).toEqual(['sales.accounts[3].name: expected string, received number']);
  });

  it('ignores @odata annotations and formatted values copied from real responses', () => {
    const seed = parseEmulatorSeed({
      sales: {
        accounts: [
          {
            '@odata.etag': 'W/"1"',
            name: 'A',
            paymenttermscode: 1,
            'paymenttermscode@OData.Community.Display.V1.FormattedValue': 'Net 30',
          },
        ],
      },
    });
    expect(seed.sales?.accounts?.[0]).toEqual({ name: 'A', paymenttermscode: 1 });
  });

  it('refuses over-long values, wrong types and bad enum values', () => {
    expect(
      problemsOf({
        sales: { accounts: [{ name: 'A', accountnumber: 'X'.repeat(21), paymenttermscode: 'Net 30' }] },
        finops: { customers: [{ CustomerAccount: 'C', IsExternallyMaintained: 'Maybe' }] },
      }),
    ).toEqual([
      'sales.accounts[0].accountnumber: Too big: expected string to have <=20 characters',
      'sales.accounts[0].paymenttermscode: expected number, received string',
      'finops.customers[0].IsExternallyMaintained: Invalid option: expected one of "Yes"|"No"',
    ]);
  });

  it('takes rows pasted from a real organization: unmodelled columns dropped, own option values and currencies kept out of the way', () => {
    const seed = parseEmulatorSeed({
      sales: {
        accounts: [
          {
            name: 'A',
            _ownerid_value: '00000000-0000-0000-0000-000000000123',
            revenue: 10,
            paymenttermscode: 100000000,
            _transactioncurrencyid_value: '00000000-0000-0000-0000-000000000999',
          },
        ],
      },
      finops: { customers: [{ CustomerAccount: 'C', CustomerPaymentFineCode: 'X' }] },
    });
    expect(seed.sales!.accounts![0]).toEqual({
      name: 'A',
      paymenttermscode: 100000000,
      _transactioncurrencyid_value: '00000000-0000-0000-0000-000000000999',
    });
    expect(seed.finops!.customers![0]).toEqual({ CustomerAccount: 'C' });
    const emulator = new Emulator(seed);
    const [account] = emulator.sales.accounts.list();
    // The unknown currency is not linked; like Dataverse, the row takes the base currency.
    expect(account!._transactioncurrencyid_value).not.toBe('00000000-0000-0000-0000-000000000999');
    expect(account!.paymenttermscode).toBe(100000000);
  });

  it('checks companies and duplicate keys across the seed', () => {
    expect(
      problemsOf({
        finops: {
          legalEntities: ['usmf', 'usrt'],
          customers: [
            { CustomerAccount: 'C1' },
            { CustomerAccount: 'c1', dataAreaId: 'USMF' },
            { CustomerAccount: 'C2', dataAreaId: 'demf' },
          ],
        },
      }),
    ).toEqual([
      "finops.customers[1].CustomerAccount: duplicate customer 'c1' in legal entity 'usmf'",
      "finops.customers[2].dataAreaId: unknown legal entity 'demf' (legal entities: usmf, usrt)",
    ]);
  });
});

describe('loadSeedFile', () => {
  it('reads and validates a JSON file, naming the file and the field on failure', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'p2c-seed-'));
    const good = join(directory, 'good.json');
    const bad = join(directory, 'bad.json');
    const broken = join(directory, 'broken.json');
    await writeFile(good, JSON.stringify({ finops: { legalEntities: ['usmf'] } }));
    await writeFile(bad, JSON.stringify({ sales: { accounts: [{ name: 1 }] } }));
    await writeFile(broken, '{ "sales": ');
    await expect(loadSeedFile(good)).resolves.toEqual({ finops: { legalEntities: ['usmf'] } });
    await expect(loadSeedFile(bad)).rejects.toThrow(
      `Invalid seed file ${bad}:\n  sales.accounts[0].name: expected string, received number`,
    );
    await expect(loadSeedFile(broken)).rejects.toThrow(`Seed file ${broken} is not valid JSON`);
  });
});
