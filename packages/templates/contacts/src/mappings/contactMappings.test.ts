import { RecordMapper, meetsCondition } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { contactsTemplate } from '../contactsTemplate.js';

const task = contactsTemplate.tasks[0]!;
const mapper = (defaults: Record<string, string> = {}) =>
  new RecordMapper(task, { defaults, valueMaps: {} }, { ORG001: 'usmf', ORG002: 'demf' }, 'test');

/** A contact as the Dataverse source hands it over: the Web API row plus its joined lookups. */
const row = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@odata.etag': 'W/"1045"',
  contactid: '7f0e2c4a-3b1d-4e55-9a61-0c2d7b8e9f10',
  msdyn_contactnumber: 'CON-01000-BVRCPS',
  firstname: 'Maria',
  lastname: 'Campbell',
  fullname: 'Maria Campbell',
  jobtitle: 'Purchasing Manager',
  emailaddress1: 'maria@contoso.com',
  telephone1: '+1 425 555 0101',
  mobilephone: '+1 425 555 0199',
  msdyn_isactivecustomer: false,
  accountrolecode: 1,
  'accountrolecode@OData.Community.Display.V1.FormattedValue': 'Decision Maker',
  address1_line1: '1 Microsoft Way',
  address1_line2: 'Building 92',
  address1_line3: null,
  address1_city: 'Redmond',
  address1_county: 'King',
  address1_stateorprovince: 'WA',
  address1_postalcode: '98052',
  address1_country: 'United States',
  statecode: 0,
  _parentcustomerid_value: '3a1b8f62-1c0d-4e0b-8d5e-2f9c1a7b6e55',
  '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso',
  _transactioncurrencyid_value: 'f1f9b3c5-0000-4000-8000-000000000001',
  parentcustomerid_account: { accountnumber: 'ACC-01000-AAAAAA' },
  transactioncurrencyid: { isocurrencycode: 'USD' },
  modifiedon: '2026-01-01T00:00:00Z',
  ...fields,
});

describe('Contacts mapping (Sales contact > CDS Contact > ContactPersonsV2)', () => {
  it("makes the contact a contact person of its company's customer, externally maintained", () => {
    const outcome = mapper().map(row());
    expect(outcome).toEqual({
      ok: true,
      row: {
        dataAreaId: 'usmf',
        ContactPersonId: 'CON-01000-BVRCPS',
        FirstName: 'Maria',
        LastName: 'Campbell',
        CustomerAccount: 'ACC-01000-AAAAAA',
        JobTitle: 'Purchasing Manager',
        PrimaryEmailAddress: 'maria@contoso.com',
        PrimaryPhoneNumber: '+1 425 555 0101',
        PrimaryAddressStreet: '1 Microsoft Way\nBuilding 92',
        PrimaryAddressCity: 'Redmond',
        PrimaryAddressStateId: 'WA',
        PrimaryAddressCountyId: 'King',
        PrimaryAddressZipCode: '98052',
        PrimaryAddressCountryRegionISOCode: 'USA',
        DecisionMakingRoleCode: 'Decision Maker',
        IsContactPersonExternallyMaintained: 'Yes',
      },
    });
  });

  it('takes the legal entity from the configured organization', () => {
    const outcome = mapper({ Organization_OrganizationId: 'ORG002' }).map(row());
    expect(outcome.ok && outcome.row.dataAreaId).toBe('demf');
  });

  it('fails a contact without a last name, naming the CDS field', () => {
    const outcome = mapper().map(row({ lastname: null }));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toContain('LastName: a contact needs a last name');
  });

  it('keeps only contacts that are no active customer and whose company is an account', () => {
    const { contactPersonsOnly, companyIsAnAccount } = task.filters!;
    expect(meetsCondition(row(), contactPersonsOnly!.where)).toBe(true);
    expect(meetsCondition(row({ msdyn_isactivecustomer: null }), contactPersonsOnly!.where)).toBe(true);
    expect(meetsCondition(row({ msdyn_isactivecustomer: true }), contactPersonsOnly!.where)).toBe(false);
    expect(meetsCondition(row(), companyIsAnAccount!.where)).toBe(true);
    // The company is a contact (or none): the accounts side of the lookup is empty.
    expect(meetsCondition(row({ parentcustomerid_account: null }), companyIsAnAccount!.where)).toBe(false);
  });

  it('names the company as a parent synced by the accounts template', () => {
    expect(task.parents).toEqual([
      {
        name: 'company',
        sourceField: 'parentcustomerid_account.accountnumber',
        tasks: ['accounts/Accounts - Account - Customers'],
      },
    ]);
    expect(contactsTemplate.preconditions).toEqual(['accounts']);
  });
});
