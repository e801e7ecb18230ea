import { describe, expect, it } from 'vitest';
import { generateDemoAccounts } from './generateDemoAccounts.js';

describe('generateDemoAccounts', () => {
  const { accounts, stats } = generateDemoAccounts();

  it('gives the same accounts for the same seed, and others for another', () => {
    expect(generateDemoAccounts().accounts).toEqual(accounts);
    expect(generateDemoAccounts({ seed: 7 }).accounts[0]).not.toEqual(accounts[0]);
  });

  it('makes about 3000 accounts with unique ids', () => {
    expect(accounts).toHaveLength(3000);
    expect(new Set(accounts.map((a) => a.accountid)).size).toBe(3000);
  });

  it('plants the problems users meet most, at modest rates', () => {
    expect(stats.withoutNumber).toBeGreaterThan(150);
    expect(stats.withoutNumber).toBeLessThan(450);
    expect(stats.unresolvableCountry).toBeGreaterThan(0);
    expect(stats.unmappedPaymentTerms).toBeGreaterThan(0);
    const countries = new Set(accounts.map((a) => a.address1_country));
    for (const typed of ['United States', 'germany', 'DE', 'DEU', null]) expect(countries).toContain(typed);
  });

  it('has exactly two accounts sharing one account number, and no other duplicates', () => {
    const byNumber = new Map<string, number>();
    for (const a of accounts)
      if (a.accountnumber)
        byNumber.set(a.accountnumber.toUpperCase(), (byNumber.get(a.accountnumber.toUpperCase()) ?? 0) + 1);
    const shared = [...byNumber].filter(([, n]) => n > 1);
    expect(shared).toEqual([[stats.sharedNumber, 2]]);
  });

  it('respects the Dataverse column lengths', () => {
    for (const a of accounts) {
      expect(a.name.length).toBeLessThanOrEqual(160);
      expect((a.accountnumber ?? '').length).toBeLessThanOrEqual(20);
    }
  });
});
