import { describe, expect, it } from 'vitest';
import { checkSeedAccount } from './checkSeedAccount.js';
import { EmulatorSeedError, parseEmulatorSeed } from './parseEmulatorSeed.js';

describe('the fast path of seed accounts', () => {
  it('passes plain rows through as they are and strips annotations and unmodelled columns', () => {
    const plain = { name: 'A', accountnumber: 'ACC-1', creditonhold: false, numberofemployees: 10 };
    expect(checkSeedAccount(plain)).toBe(plain);
    expect(checkSeedAccount({ name: 'A', '@odata.etag': 'W/"1"', custom_field: 3 })).toEqual({ name: 'A' });
  });

  it('leaves doubtful rows and currency links to the schema', () => {
    expect(checkSeedAccount({ name: 7 })).toBeUndefined();
    expect(checkSeedAccount({ name: 'x'.repeat(161) })).toBeUndefined();
    expect(checkSeedAccount({ statecode: 2 })).toBeUndefined();
    expect(checkSeedAccount({ transactioncurrencyid: { isocurrencycode: 'EUR' } })).toBeUndefined();
    expect(checkSeedAccount(['not', 'a', 'row'])).toBeUndefined();
  });

  it('reports problems at the position of the row in the whole seed', () => {
    const accounts: unknown[] = Array.from({ length: 10 }, (_, index) => ({ name: `Account ${index}` }));
    accounts[6] = { name: 7 };
    accounts[8] = { name: 'Linked', transactioncurrencyid: { isocurrencycode: 'EUR' } };
    try {
      parseEmulatorSeed({ sales: { accounts }, finops: { legalEntities: [''] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EmulatorSeedError);
      expect((error as EmulatorSeedError).problems).toEqual([
        'sales.accounts[6].name: expected string, received number',
        'finops.legalEntities[0]: Too small: expected string to have >=1 characters',
      ]);
    }
  });

  it('keeps rows in order, linked ones parsed by the schema, and refuses a repeated accountid', () => {
    const id = '1f0c8e6a-2b4d-4c1e-8a7f-3d5b9c0e2a41';
    const seed = parseEmulatorSeed({
      sales: {
        accounts: [
          { name: 'A' },
          { name: 'B', transactioncurrencyid: { isocurrencycode: 'EUR' }, '@x': 1 },
          { name: 'C' },
        ],
      },
    });
    expect(seed.sales?.accounts).toEqual([
      { name: 'A' },
      { name: 'B', transactioncurrencyid: { isocurrencycode: 'EUR' } },
      { name: 'C' },
    ]);
    expect(() =>
      parseEmulatorSeed({ sales: { accounts: [{ accountid: id }, { name: 'B' }, { accountid: id.toUpperCase() }] } }),
    ).toThrow(/sales\.accounts\[2\]\.accountid: duplicate accountid/);
  });
});
