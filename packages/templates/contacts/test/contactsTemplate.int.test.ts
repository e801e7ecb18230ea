import { matchesSequence } from '@p2c/core';
import { contactNumberSequence } from '@p2c/prospect-to-cash';
import { accountsPlugin } from '@p2c/template-accounts';
import { atAccount, atContact, salesAccount, salesContact, startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import type { EmulatorSeed, SeedAccount } from '@p2c/emulator';
import { describe, expect, it } from 'vitest';
import { CONTACTS_TASK_ID, contactsPlugin } from '../src/index.js';
import { deleteCustomer } from './deleteCustomer.js';

const emulator = useEmulator();
const harness = (seed: EmulatorSeed) => startHarness(emulator, seed, { plugins: [accountsPlugin, contactsPlugin] });
const contactPersons = (h: Awaited<ReturnType<typeof harness>>) => h.emulator.finops.entity('ContactPersonsV2');
/** The contact's company, as the Web API binds it. */
const worksFor = (company: SeedAccount) => ({ 'parentcustomerid_account@odata.bind': atAccount(company) });

describe('Contacts (Sales to Fin and Ops) through the emulators', () => {
  it('makes a contact of a synced account its contact person, externally maintained, then writes nothing on a re-run', async () => {
    const company = salesAccount();
    const contact = salesContact(worksFor(company));
    const h = await harness({ sales: { accounts: [company], contacts: [contact] } });

    expect((await h.run('accounts')).counts.created).toBe(1);
    const run = await h.run('contacts');

    expect(run.status).toBe('Completed');
    expect(run.counts).toMatchObject({ read: 1, created: 1, failed: 0 });
    expect(
      contactPersons(h).get({ dataAreaId: 'usmf', ContactPersonId: String(contact.msdyn_contactnumber) }),
    ).toMatchObject({
      FirstName: 'Maria',
      LastName: contact.lastname,
      CustomerAccount: company.accountnumber,
      JobTitle: 'Purchasing Manager',
      PrimaryEmailAddress: contact.emailaddress1,
      PrimaryPhoneNumber: '+1 425 555 0101',
      IsContactPersonExternallyMaintained: 'Yes',
    });

    h.emulator.resetRequestCounts();
    const second = await h.run('contacts', { full: true });
    expect(second.counts).toMatchObject({ created: 0, updated: 0, failed: 0 });
    expect(h.emulator.requestCounts().finops.writes).toBe(0);
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
    expect(h).toHaveWrittenOnce('finops', 'ContactPersonsV2', ['usmf', String(contact.msdyn_contactnumber)]);
  });

  it('holds a contact whose account has not synced yet, then syncs it once accounts ran', async () => {
    const company = salesAccount();
    const contact = salesContact(worksFor(company));
    const h = await harness({ sales: { accounts: [company], contacts: [contact] } });

    const early = await h.run('contacts');
    expect(early.counts).toMatchObject({ created: 0, waiting: 1 });
    const waiting = await h.state.listFailures(early.runId!, { limit: 10 });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ code: 'PARENT_NOT_SYNCED', key: contact.msdyn_contactnumber });
    expect(early).toHaveFailedWith(String(contact.msdyn_contactnumber), { code: 'PARENT_NOT_SYNCED' });
    expect(contactPersons(h).list()).toHaveLength(0);

    await h.run('accounts');
    const later = await h.run('contacts');
    expect(later.counts).toMatchObject({ created: 1, waiting: 0 });
    expect(contactPersons(h).list()).toEqual([expect.objectContaining({ CustomerAccount: company.accountnumber })]);
  });

  it("holds a contact whose account failed to sync, with the account's reason", async () => {
    const company = salesAccount({ address1_country: 'Atlantis' });
    const contact = salesContact(worksFor(company));
    const h = await harness({ sales: { accounts: [company], contacts: [contact] } });
    expect((await h.run('accounts')).counts.failed).toBe(1);

    const run = await h.run('contacts');

    expect(run.counts.created).toBe(0);
    const failures = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failures).toEqual([expect.objectContaining({ sourceId: contact.contactid, code: 'PARENT_FAILED' })]);
    expect(failures[0]!.message).toContain("cannot resolve the country 'Atlantis'");
    expect(contactPersons(h).list()).toHaveLength(0);
  });

  it('leaves out active customers and contacts whose company is no account, listing each with its rule', async () => {
    const company = salesAccount();
    const person = salesContact(worksFor(company));
    const customer = salesContact({ ...worksFor(company), msdyn_isactivecustomer: true });
    const loose = salesContact();
    const ofContact = salesContact({ 'parentcustomerid_contact@odata.bind': atContact(loose) });
    const h = await harness({ sales: { accounts: [company], contacts: [person, customer, loose, ofContact] } });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts).toMatchObject({ created: 1, filtered: 3, failed: 0 });
    expect(
      contactPersons(h)
        .list()
        .map((row) => row.ContactPersonId),
    ).toEqual([person.msdyn_contactnumber]);
    const exclusions = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(exclusions).toHaveLength(3);
    expect(run).toHaveLeftOut(String(customer.contactid), 'contactPersonsOnly');
    expect(run).toHaveLeftOut(String(loose.contactid), 'companyIsAnAccount');
    expect(run).toHaveLeftOut(String(ofContact.contactid), 'companyIsAnAccount');
    expect(contactPersons(h).list()).toHaveDefaults({ IsContactPersonExternallyMaintained: 'Yes' });
    expect(exclusions.every((e) => e.taskId === CONTACTS_TASK_ID)).toBe(true);
  });

  it('gives a contact without a number the next contact number, written back to Sales', async () => {
    const company = salesAccount();
    const contact = salesContact({ ...worksFor(company), msdyn_contactnumber: undefined });
    const h = await harness({ sales: { accounts: [company], contacts: [contact] } });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts.keysGenerated).toBe(1);
    const number = String(h.emulator.sales.table('contacts').get(String(contact.contactid))!.msdyn_contactnumber);
    expect(number).toMatch(/^CON-01000-[A-Z]{6}$/);
    expect(matchesSequence(contactNumberSequence, number)).toBe(true);
    expect(contactPersons(h).get({ dataAreaId: 'usmf', ContactPersonId: number })).toBeDefined();
  });

  it('rejects contacts that share a contact number, naming both', async () => {
    const company = salesAccount();
    const a = salesContact({ ...worksFor(company), msdyn_contactnumber: 'CON-SHARED' });
    const b = salesContact({ ...worksFor(company), msdyn_contactnumber: 'con-shared ' });
    const h = await harness({ sales: { accounts: [company], contacts: [a, b] } });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts.failed).toBe(2);
    for (const failure of run.failures) {
      expect(failure.code).toBe('DUPLICATE_KEY');
      expect(failure.message).toContain(String(a.contactid));
      expect(failure.message).toContain(String(b.contactid));
    }
    expect(contactPersons(h).list()).toHaveLength(0);
  });

  it("fails only the contact F&O refuses, with F&O's reason, and syncs the others", async () => {
    const kept = salesAccount();
    const removed = salesAccount();
    const good = salesContact(worksFor(kept));
    const orphan = salesContact(worksFor(removed));
    const h = await harness({ sales: { accounts: [kept, removed], contacts: [good, orphan] } });
    await h.run('accounts');
    // Someone deletes a customer in F&O after it synced: F&O refuses contact persons for it.
    await deleteCustomer(h.emulator, 'usmf', String(removed.accountnumber));

    const run = await h.run('contacts');

    expect(run.status).toBe('Warning');
    expect(run.counts).toMatchObject({ created: 1, failed: 1 });
    expect(
      contactPersons(h)
        .list()
        .map((row) => row.ContactPersonId),
    ).toEqual([good.msdyn_contactnumber]);
    const failures = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      sourceId: orphan.contactid,
      key: orphan.msdyn_contactnumber,
      code: 'DESTINATION_REJECTED',
    });
    expect(failures[0]!.message).toContain(`Customer account ${String(removed.accountnumber)} does not exist.`);
    expect(run).toHaveFailedWith(String(orphan.msdyn_contactnumber), {
      code: 'DESTINATION_REJECTED',
      message: /does not exist\./,
    });
    expect(h).toHaveWrittenOnce('finops', 'ContactPersonsV2', ['usmf', String(good.msdyn_contactnumber)]);
  });
});
