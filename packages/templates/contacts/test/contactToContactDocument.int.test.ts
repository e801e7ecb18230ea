import { accountsPlugin } from '@p2c/template-accounts';
import { atAccount, salesAccount, salesContact, startHarness, useEmulator } from '@p2c/testing';
import type { EmulatorSeed, SeedAccount, SeedSalesRow } from '@p2c/emulator';
import { describe, expect, it } from 'vitest';
import { CONTACTS_TASK_ID, contactsPlugin } from '../src/index.js';

/**
 * The "Contact to Contact" preconditions of Microsoft's "Synchronize contacts from Sales to
 * contacts or customers in Finance and Operations", each test named after its sentence.
 */
const emulator = useEmulator();
const harness = (seed: EmulatorSeed) => startHarness(emulator, seed, { plugins: [accountsPlugin, contactsPlugin] });
type Harness = Awaited<ReturnType<typeof harness>>;
const worksFor = (company: SeedAccount) => ({ 'parentcustomerid_account@odata.bind': atAccount(company) });
const contactPerson = (h: Harness, contact: SeedSalesRow) =>
  h.emulator.finops.entity('ContactPersonsV2').get({
    dataAreaId: 'usmf',
    ContactPersonId: String(contact.msdyn_contactnumber),
  });

describe('Contacts: Contact to Contact, as Microsoft documents it', () => {
  it("maps the contact's address to the contact person's primary address, the country through the Country region code transform", async () => {
    const company = salesAccount();
    const contact = salesContact({
      ...worksFor(company),
      address1_line1: 'Unter den Linden 1',
      address1_line2: 'Haus B',
      address1_city: 'Berlin',
      address1_county: 'Mitte',
      address1_stateorprovince: 'BE',
      address1_postalcode: '10117',
      address1_country: 'Deutschland',
    });
    const h = await harness({ sales: { accounts: [company], contacts: [contact] } });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(contactPerson(h, contact)).toMatchObject({
      PrimaryAddressStreet: 'Unter den Linden 1\nHaus B',
      PrimaryAddressCity: 'Berlin',
      PrimaryAddressCountyId: 'Mitte',
      PrimaryAddressStateId: 'BE',
      PrimaryAddressZipCode: '10117',
      PrimaryAddressCountryRegionISOCode: 'DEU',
    });
  });

  it('Address Country region code is required in Finance and Operations: the default template value for PrimaryAddressCountryRegionISOCode is USA', async () => {
    const company = salesAccount();
    const noCountry = salesContact({ ...worksFor(company), address1_country: null });
    const h = await harness({ sales: { accounts: [company], contacts: [noCountry] } });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(contactPerson(h, noCountry)).toMatchObject({
      PrimaryAddressCity: 'Seattle',
      PrimaryAddressCountryRegionISOCode: 'USA',
    });
  });

  it('Address Country region code is required in Finance and Operations: without the default, F&O refuses the address', async () => {
    const company = salesAccount();
    const noCountry = salesContact({ ...worksFor(company), address1_country: null });
    const h = await harness({ sales: { accounts: [company], contacts: [noCountry] } });
    await h.run('accounts');

    const run = await h.run('contacts', {
      settings: { [CONTACTS_TASK_ID]: { defaults: { PrimaryAddressCountryRegionISOCode: null } } },
    });

    expect(run.counts).toMatchObject({ created: 0, failed: 1 });
    const [failure] = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failure).toMatchObject({ code: 'DESTINATION_REJECTED' });
    expect(failure!.message).toContain("Field 'Country/region' must be filled in.");
    expect(h.emulator.finops.entity('ContactPersonsV2').list()).toHaveLength(0);
  });

  it("Mapping: PrimaryAccountRole = DecisionMakingRole: the contact's role becomes the contact person's Decision", async () => {
    const company = salesAccount();
    const decisionMaker = salesContact({ ...worksFor(company), accountrolecode: 1 });
    const noRole = salesContact({ ...worksFor(company) });
    const h = await harness({
      sales: { accounts: [company], contacts: [decisionMaker, noRole] },
      finops: { decisionRoles: ['Decision Maker'] },
    });
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts).toMatchObject({ created: 2, failed: 0 });
    expect(contactPerson(h, decisionMaker)).toMatchObject({ DecisionMakingRoleCode: 'Decision Maker' });
    expect(contactPerson(h, noRole)).toMatchObject({ DecisionMakingRoleCode: '' });
  });

  it('Make sure that a value for the following field exists in Finance and Operations: F&O refuses a Decision it does not have', async () => {
    const company = salesAccount();
    const influencer = salesContact({ ...worksFor(company), accountrolecode: 3 });
    const seed: EmulatorSeed = {
      sales: { accounts: [company], contacts: [influencer] },
      finops: { decisionRoles: ['Decision Maker'] },
    };
    const h = await harness(seed);
    await h.run('accounts');

    const run = await h.run('contacts');

    expect(run.counts).toMatchObject({ created: 0, failed: 1 });
    const [failure] = await h.state.listFailures(run.runId!, { limit: 10 });
    expect(failure).toMatchObject({ code: 'DESTINATION_REJECTED', key: influencer.msdyn_contactnumber });
    expect(failure!.message).toContain(
      "The value 'Influencer' in field 'Decision' is not found in the relating table 'Decision'.",
    );

    // A value map names F&O's value for Sales' role.
    const mapped = await h.run('contacts', {
      settings: { [CONTACTS_TASK_ID]: { valueMaps: { DecisionMakingRoleCode: { Influencer: 'Decision Maker' } } } },
    });
    expect(mapped.counts).toMatchObject({ created: 1, failed: 0 });
    expect(contactPerson(h, influencer)).toMatchObject({ DecisionMakingRoleCode: 'Decision Maker' });
  });

  it("If the information isn't required in Finance and Operations, you can remove the mapping: a blank value map sends no Decision", async () => {
    const company = salesAccount();
    const influencer = salesContact({ ...worksFor(company), accountrolecode: 3 });
    const h = await harness({
      sales: { accounts: [company], contacts: [influencer] },
      finops: { decisionRoles: ['Decision Maker'] },
    });
    await h.run('accounts');

    const run = await h.run('contacts', {
      settings: { [CONTACTS_TASK_ID]: { valueMaps: { DecisionMakingRoleCode: { '': '' } } } },
    });

    expect(run.counts).toMatchObject({ created: 1, failed: 0 });
    expect(contactPerson(h, influencer)).toMatchObject({ DecisionMakingRoleCode: '' });
  });
});
