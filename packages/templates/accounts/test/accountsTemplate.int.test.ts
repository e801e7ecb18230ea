import { matchesSequence } from '@p2c/core';
import { accountNumberSequence } from '@p2c/prospect-to-cash';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { anAccount } from './anAccount.js';
import { finopsWrites, harness } from './harness.js';

const customerOf = (h: Awaited<ReturnType<typeof harness>>, accountNumber: string) =>
  h.emulator.finops.customers.get('usmf', accountNumber);

describe('Accounts (Sales to Fin and Ops) through the emulators', () => {
  it('creates every account as an externally maintained customer, then writes nothing on an unchanged re-run', async () => {
    const accounts = Array.from({ length: 120 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });

    const first = await h.run();
    expect(first.status).toBe('Completed');
    expect(first.counts).toMatchObject({ read: 120, created: 120, updated: 0, failed: 0 });
    expect(h.emulator.finops.customers.list()).toHaveLength(120);
    const one = customerOf(h, String(accounts[7]!.accountnumber))!;
    expect(one).toMatchObject({
      dataAreaId: 'usmf',
      OrganizationName: accounts[7]!.name,
      IsExternallyMaintained: 'Yes',
      PartyType: 'Organization',
      AddressCountryRegionISOCode: 'USA',
      DeliveryAddressCity: 'Seattle',
      PrimaryContactEmail: accounts[7]!.emailaddress1,
    });

    h.emulator.resetRequestCounts();
    const second = await h.run();
    expect(second.status).toBe('Completed');
    expect(second.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(finopsWrites(h.emulator)).toBe(0);
    expect(h.emulator.requestCounts().finops.total).toBe(0);
  });

  it('writes exactly the two accounts changed in Sales on an incremental run', async () => {
    const accounts = Array.from({ length: 30 }, () => anAccount().build());
    const h = await harness({ sales: { accounts } });
    await h.run();

    h.emulator.sales.accounts.update(String(accounts[3]!.accountid), { telephone1: '+1 425 555 0199' });
    h.emulator.sales.accounts.update(String(accounts[17]!.accountid), { name: 'Renamed Ltd' });
    h.emulator.resetRequestCounts();
    const run = await h.run();

    expect(run.mode).toBe('incremental');
    expect(run.counts.updated).toBe(2);
    expect(run.counts.created).toBe(0);
    expect(finopsWrites(h.emulator)).toBe(2);
    expect(customerOf(h, String(accounts[17]!.accountnumber))!.OrganizationName).toBe('Renamed Ltd');
    expect(customerOf(h, String(accounts[3]!.accountnumber))!.PrimaryContactPhone).toBe('+1 425 555 0199');
  });

  it('applies the template defaults when Sales leaves fields blank', async () => {
    const account = anAccount().in(null).with({ transactioncurrencyid: undefined }).build();
    const h = await harness({ sales: { accounts: [account] } });

    await h.run();

    expect(customerOf(h, String(account.accountnumber))).toMatchObject({
      CustomerGroupId: '10',
      AddressCountryRegionISOCode: 'USA',
      DeliveryAddressCountryRegionISOCode: 'USA',
      SiteId: '1',
      WarehouseId: '13',
      LanguageId: 'en-us',
      SalesCurrencyCode: 'USD',
    });
  });

  it('converts free-text countries to ISO codes and fails only the account whose country it cannot resolve', async () => {
    const germany = anAccount().in('germany').build();
    const denmark = anAccount().in('DK').build();
    const atlantis = anAccount().in('Atlantis').build();
    const h = await harness({ sales: { accounts: [germany, denmark, atlantis] } });

    const run = await h.run();

    expect(run.status).toBe('Warning');
    expect(customerOf(h, String(germany.accountnumber))!.AddressCountryRegionISOCode).toBe('DEU');
    expect(customerOf(h, String(denmark.accountnumber))!.DeliveryAddressCountryRegionISOCode).toBe('DNK');
    expect(customerOf(h, String(atlantis.accountnumber))).toBeUndefined();
    expect(run.failures).toHaveLength(1);
    expect(run).toHaveFailedWith(String(atlantis.accountnumber), { message: /cannot resolve the country 'Atlantis'/ });
  });

  it('maps payment terms through a configured value map and fails an account whose value has no entry', async () => {
    const net30 = anAccount().with({ paymenttermscode: 1 }).build();
    const net60 = anAccount().with({ paymenttermscode: 4 }).build();
    const h = await harness({
      sales: { accounts: [net30, net60] },
      finops: { paymentTerms: [{ dataAreaId: 'usmf', Name: 'Net30' }] },
    });

    const run = await h.run({ settings: { valueMaps: { PaymentTerms: { 'Net 30': 'Net30' } } } });

    expect(customerOf(h, String(net30.accountnumber))!.PaymentTerms).toBe('Net30');
    expect(customerOf(h, String(net60.accountnumber))).toBeUndefined();
    expect(run.failures).toHaveLength(1);
    expect(run).toHaveFailedWith(String(net60.accountnumber), {
      message: /PaymentTerms: no value map entry for 'Net 60'/,
    });
    expect(h).toHaveWrittenOnce('finops', 'CustomersV3', ['usmf', String(net30.accountnumber)]);
  });

  it('leaves payment terms unmapped when no value map is configured', async () => {
    const account = anAccount().with({ paymenttermscode: 1 }).build();
    const h = await harness({ sales: { accounts: [account] } });
    await h.run();
    expect(customerOf(h, String(account.accountnumber))!.PaymentTerms).toBe('');
  });

  it('takes a customer group from the configuration over the template default', async () => {
    const account = anAccount().build();
    const h = await harness({ sales: { accounts: [account] } });
    await h.run({ settings: { defaults: { CustomerGroupId: '20' } } });
    expect(customerOf(h, String(account.accountnumber))!.CustomerGroupId).toBe('20');
  });

  it("fails a record F&O rejects alone, with F&O's message recorded in the run history", async () => {
    const good = anAccount().with({ paymenttermscode: 1 }).build();
    const rejected = anAccount().with({ paymenttermscode: 4 }).build();
    const h = await harness({
      sales: { accounts: [good, rejected] },
      finops: { paymentTerms: [{ dataAreaId: 'usmf', Name: 'Net30' }] },
    });

    const run = await h.run({ settings: { valueMaps: { PaymentTerms: { 'Net 30': 'Net30', 'Net 60': 'N60' } } } });

    expect(run.status).toBe('Warning');
    expect(customerOf(h, String(good.accountnumber))).toBeDefined();
    const failures = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      sourceId: rejected.accountid,
      key: rejected.accountnumber,
      code: 'DESTINATION_REJECTED',
    });
    expect(failures[0]!.message).toContain("'N60'");
  });

  it("ends in Error when F&O rejects every record (an unknown customer group), with F&O's message", async () => {
    const h = await harness({ sales: { accounts: [anAccount().build(), anAccount().build()] } });

    const run = await h.run({ settings: { defaults: { CustomerGroupId: '99' } } });

    expect(run.status).toBe('Error');
    const failures = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(failure.message).toContain(
        "The value '99' in field 'Customer group' is not found in the relating table 'Customer groups'",
      );
    }
    expect(h.emulator.finops.customers.list()).toHaveLength(0);
  });

  it('generates account numbers for accounts without one, writes them back to Sales first, and never repeats one across runs', async () => {
    const numbered = anAccount().build();
    const first = anAccount().withoutNumber().build();
    const h = await harness({ sales: { accounts: [numbered, first] } });

    const run = await h.run();
    expect(run.counts.keysGenerated).toBe(1);
    const generated = String(h.emulator.sales.accounts.get(String(first.accountid))!.accountnumber);
    expect(generated).toMatch(/^ACC-01000-[A-Z]{6}$/);
    expect(matchesSequence(accountNumberSequence, generated)).toBe(true);
    expect(customerOf(h, generated)).toBeDefined();

    const later = h.emulator.sales.accounts.insert(anAccount().withoutNumber().build());
    await h.run();
    const next = String(h.emulator.sales.accounts.get(later.accountid)!.accountnumber);
    expect(next).toMatch(/^ACC-01001-[A-Z]{6}$/);
    expect(customerOf(h, next)).toBeDefined();
  });

  it('rejects accounts that share an account number, naming both, and syncs the rest', async () => {
    const a = anAccount().withNumber('SHARED-1').build();
    const b = anAccount().withNumber('shared-1').build();
    const others = [anAccount().build(), anAccount().build()];
    const h = await harness({ sales: { accounts: [a, ...others, b] } });

    const run = await h.run();

    expect(run.status).toBe('Warning');
    expect(run.counts).toMatchObject({ created: 2, failed: 2 });
    expect(h.emulator.finops.customers.get('usmf', 'SHARED-1')).toBeUndefined();
    for (const failure of run.failures) {
      expect(failure.code).toBe('DUPLICATE_KEY');
      expect(failure.message).toContain(String(a.accountid));
      expect(failure.message).toContain(String(b.accountid));
    }
  });

  it('finds a duplicate made by an incremental change and leaves the customer already synced as it was', async () => {
    const a = anAccount().withNumber('ACC-UNIQUE-1').build();
    const b = anAccount().build();
    const h = await harness({ sales: { accounts: [a, b] } });
    await h.run();

    h.emulator.sales.accounts.update(String(b.accountid), { accountnumber: 'ACC-UNIQUE-1', name: 'Impostor' });
    const run = await h.run();

    expect(run.failures.map((f) => f.code)).toContain('DUPLICATE_KEY');
    expect(customerOf(h, 'ACC-UNIQUE-1')!.OrganizationName).toBe(a.name);
  });

  it('shows what a dry run would create and update, and changes nothing anywhere', async () => {
    const accounts = [anAccount().build(), anAccount().withoutNumber().build()];
    const h = await harness({ sales: { accounts } });
    h.emulator.resetRequestCounts();

    const dry = await h.run({ dryRun: true });

    expect(dry.runId).toBeNull();
    expect(dry.counts.created).toBe(2);
    expect(dry.planned).toHaveLength(2);
    expect(h.emulator.finops.customers.list()).toHaveLength(0);
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
    expect(h.emulator.sales.accounts.get(String(accounts[1]!.accountid))!.accountnumber ?? null).toBeNull();
    expect(await h.state.listRuns({ limit: 5 })).toHaveLength(0);

    const real = await h.run();
    expect(real.counts.created).toBe(2);
  });

  it('updates a customer that already exists in F&O instead of creating it twice', async () => {
    const account = anAccount().build();
    const h = await harness({
      sales: { accounts: [account] },
      finops: {
        customers: [
          {
            dataAreaId: 'usmf',
            CustomerAccount: String(account.accountnumber),
            OrganizationName: 'Old name',
            PartyType: 'Organization',
            CustomerGroupId: '10',
            SalesCurrencyCode: 'USD',
          },
        ],
      },
    });

    const run = await h.run();

    expect(run.counts).toMatchObject({ created: 0, updated: 1 });
    expect(h.emulator.finops.customers.list()).toHaveLength(1);
    expect(customerOf(h, String(account.accountnumber))!.OrganizationName).toBe(account.name);
  });
});
