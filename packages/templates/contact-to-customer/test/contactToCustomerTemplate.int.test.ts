import { backfillKeys, matchesSequence } from '@p2c/core';
import type { EmulatorSeed } from '@p2c/emulator';
import { contactNumberSequence } from '@p2c/prospect-to-cash';
import { accountsPlugin } from '@p2c/template-accounts';
import { startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { CONTACT_TO_CUSTOMER_TASK_ID, contactToCustomerPlugin, contactToCustomerTemplate } from '../src/index.js';
import { aContact, anAccount } from './aContact.js';

const GBP = '7a3c2f10-5b1e-4c6a-9d0e-000000000826';
const EUR = '7a3c2f10-5b1e-4c6a-9d0e-000000000978';

const emulator = useEmulator();
const harness = (seed: EmulatorSeed) =>
  startHarness(emulator, seed, { plugins: [accountsPlugin, contactToCustomerPlugin] });
type TestHarness = Awaited<ReturnType<typeof harness>>;
const customerOf = (h: TestHarness, contactNumber: unknown) =>
  h.emulator.finops.customers.get('usmf', String(contactNumber));

describe('Contacts to Customer (Sales to Fin and Ops) through the emulators', () => {
  it('makes active customers Person customers with the template defaults, then writes nothing on a re-run', async () => {
    const company = anAccount();
    const customer = aContact().activeCustomer().build();
    const blank = aContact().activeCustomer().in(null).build();
    const euro = aContact().activeCustomer().paysIn(EUR).in('Deutschland').build();
    const h = await harness({ sales: { accounts: [company], contacts: [customer, blank, euro] } });
    await h.run('accounts');

    const run = await h.run('contact-to-customer');

    expect(run.status).toBe('Completed');
    expect(run.counts).toMatchObject({ read: 3, created: 3, failed: 0 });
    expect(customerOf(h, customer.msdyn_contactnumber)).toMatchObject({
      PartyType: 'Person',
      PersonFirstName: 'Maria',
      PersonLastName: customer.lastname,
      OrganizationName: `Maria ${String(customer.lastname)}`,
      IsExternallyMaintained: 'Yes',
      CustomerGroupId: '10',
      LanguageId: 'en-us',
      SalesCurrencyCode: 'USD',
      AddressStreet: customer.address1_line1,
      AddressCity: 'Seattle',
      AddressState: 'WA',
      AddressZipCode: '98101',
      AddressCountryRegionISOCode: 'USA',
      DeliveryAddressCity: 'Seattle',
      DeliveryAddressCountryRegionISOCode: 'USA',
      PrimaryContactEmail: customer.emailaddress1,
      PrimaryContactPhone: '+1 425 555 0101',
    });
    expect(customerOf(h, blank.msdyn_contactnumber)).toMatchObject({
      AddressCountryRegionISOCode: 'USA',
      DeliveryAddressCountryRegionISOCode: 'USA',
    });
    expect(customerOf(h, euro.msdyn_contactnumber)).toMatchObject({
      SalesCurrencyCode: 'EUR',
      AddressCountryRegionISOCode: 'DEU',
    });

    h.emulator.resetRequestCounts();
    const second = await h.run('contact-to-customer', { full: true });
    expect(second.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(h.emulator.requestCounts().finops.writes).toBe(0);
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
  });

  it('writes only the contact changed in Sales on the next run', async () => {
    const contacts = [aContact().activeCustomer().build(), aContact().activeCustomer().build()];
    const h = await harness({ sales: { contacts } });
    await h.run('contact-to-customer');

    h.emulator.sales.table('contacts').update(String(contacts[1]!.contactid), { lastname: 'Renamed' });
    h.emulator.resetRequestCounts();
    const run = await h.run('contact-to-customer');

    expect(run.counts).toMatchObject({ created: 0, updated: 1 });
    expect(h.emulator.requestCounts().finops.writes).toBe(1);
    expect(h).toHaveWrittenOnce('finops', 'CustomersV3', ['usmf', String(contacts[0]!.msdyn_contactnumber)]);
    expect(h).not.toHaveWrittenOnce('finops', 'CustomersV3', ['usmf', String(contacts[1]!.msdyn_contactnumber)]);
    expect(customerOf(h, contacts[1]!.msdyn_contactnumber)).toMatchObject({
      PersonLastName: 'Renamed',
      OrganizationName: 'Maria Renamed',
    });
  });

  it('leaves out contacts that are not active customers, listing each with the rule', async () => {
    const company = anAccount();
    const customer = aContact().activeCustomer().build();
    const person = aContact().worksFor(company).build();
    const h = await harness({ sales: { accounts: [company], contacts: [customer, person] } });

    const run = await h.run('contact-to-customer');

    expect(run.counts).toMatchObject({ created: 1, filtered: 1 });
    expect(customerOf(h, person.msdyn_contactnumber)).toBeUndefined();
    const exclusions = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(exclusions).toEqual([
      expect.objectContaining({
        taskId: CONTACT_TO_CUSTOMER_TASK_ID,
        sourceId: person.contactid,
        rule: 'activeCustomersOnly',
      }),
    ]);
    expect(run).toHaveLeftOut(String(person.contactid), 'activeCustomersOnly');
  });

  it('gives a contact without a number the next contact number, written back to Sales', async () => {
    const contact = aContact().activeCustomer().withoutNumber().build();
    const h = await harness({ sales: { contacts: [contact] } });

    const run = await h.run('contact-to-customer');

    expect(run.counts.keysGenerated).toBe(1);
    const number = String(h.emulator.sales.table('contacts').get(String(contact.contactid))!.msdyn_contactnumber);
    expect(number).toMatch(/^CON-01000-[A-Z]{6}$/);
    expect(matchesSequence(contactNumberSequence, number)).toBe(true);
    expect(customerOf(h, number)).toMatchObject({ PartyType: 'Person' });
  });

  it("fails only the contact F&O refuses (a currency F&O does not have), with F&O's reason", async () => {
    const good = aContact().activeCustomer().build();
    const pounds = aContact().activeCustomer().paysIn(GBP).build();
    const h = await harness({ sales: { contacts: [good, pounds] }, finops: { currencies: ['USD', 'EUR'] } });

    const run = await h.run('contact-to-customer');

    expect(run.status).toBe('Warning');
    expect(run.counts).toMatchObject({ created: 1, failed: 1 });
    expect(customerOf(h, good.msdyn_contactnumber)).toBeDefined();
    expect(customerOf(h, pounds.msdyn_contactnumber)).toBeUndefined();
    const failures = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failures).toEqual([
      expect.objectContaining({
        sourceId: pounds.contactid,
        key: pounds.msdyn_contactnumber,
        code: 'DESTINATION_REJECTED',
      }),
    ]);
    expect(failures[0]!.message).toContain(
      "The value 'GBP' in field 'Currency' is not found in the relating table 'Currencies'",
    );
  });

  it("ends in Error when F&O refuses every contact (a customer group override it does not have), with F&O's reason", async () => {
    const h = await harness({
      sales: { contacts: [aContact().activeCustomer().build(), aContact().activeCustomer().build()] },
    });

    const run = await h.run('contact-to-customer', {
      settings: { [CONTACT_TO_CUSTOMER_TASK_ID]: { defaults: { CustomerGroupId: '99' } } },
    });

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

  it('fails only the contact whose country cannot be resolved, naming it', async () => {
    const good = aContact().activeCustomer().build();
    const atlantis = aContact().activeCustomer().in('Atlantis').build();
    const h = await harness({ sales: { contacts: [good, atlantis] } });

    const run = await h.run('contact-to-customer');

    expect(run.counts).toMatchObject({ created: 1, failed: 1 });
    expect(run.failures[0]!.message).toContain("cannot resolve the country 'Atlantis'");
    expect(run).toHaveFailedWith(String(atlantis.contactid), { message: /cannot resolve the country 'Atlantis'/ });
  });

  it('backfills contact numbers through the core backfillKeys, continuing the sequence the sync uses', async () => {
    const kept = aContact().activeCustomer().with({ msdyn_contactnumber: 'CUST-0001' }).build();
    const without = Array.from({ length: 4 }, () => aContact().activeCustomer().withoutNumber().build());
    const h = await harness({ sales: { contacts: [kept, ...without] } });
    const backfill = (dryRun: boolean) =>
      backfillKeys({
        template: contactToCustomerTemplate,
        state: h.state,
        connectors: h.connectors,
        dryRun,
        batchSize: 3,
      });
    const numbers = () =>
      h.emulator.sales
        .table('contacts')
        .list()
        .map((c) => c.msdyn_contactnumber ?? null);

    const dry = await backfill(true);
    expect(dry).toMatchObject({ taskId: CONTACT_TO_CUSTOMER_TASK_ID, scanned: 5, assignedCount: 4, assigned: [] });
    expect(numbers().filter((n) => n === null)).toHaveLength(4);

    const result = await backfill(false);
    expect(result).toMatchObject({ scanned: 5, assignedCount: 4, failures: [] });
    const generated = numbers().filter((n) => n !== 'CUST-0001');
    expect(new Set(generated).size).toBe(4);
    for (const number of generated) expect(number).toMatch(/^CON-0100\d-[A-Z]{6}$/);

    expect(await backfill(false)).toMatchObject({ scanned: 5, assignedCount: 0 });

    h.emulator.sales.table('contacts').insert(aContact().activeCustomer().withoutNumber().build());
    const run = await h.run('contact-to-customer');
    expect(run.counts).toMatchObject({ created: 6, keysGenerated: 1, failed: 0 });
    expect(numbers().filter((n) => typeof n === 'string' && n.startsWith('CON-01004-'))).toHaveLength(1);
  });
});
