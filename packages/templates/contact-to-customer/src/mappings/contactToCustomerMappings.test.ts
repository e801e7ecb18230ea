import { RecordMapper, meetsCondition } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { contactToCustomerTemplate } from '../contactToCustomerTemplate.js';

const task = contactToCustomerTemplate.tasks[0]!;
const mapper = (
  settings: { defaults?: Record<string, string>; valueMaps?: Record<string, Record<string, string>> } = {},
) =>
  new RecordMapper(
    task,
    { defaults: settings.defaults ?? {}, valueMaps: settings.valueMaps ?? {} },
    { ORG001: 'usmf' },
    'test',
  );

/** A contact as the Dataverse source hands it over: the Web API row plus its joined currency. */
const row = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@odata.etag': 'W/"2210"',
  contactid: '0c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  msdyn_contactnumber: 'CON-01000-BVRCPS',
  firstname: 'Yvonne',
  lastname: 'McKay',
  fullname: 'Yvonne McKay',
  jobtitle: null,
  emailaddress1: 'yvonne@example.com',
  telephone1: '+49 30 555 0100',
  mobilephone: null,
  msdyn_isactivecustomer: true,
  'msdyn_isactivecustomer@OData.Community.Display.V1.FormattedValue': 'Yes',
  address1_line1: 'Unter den Linden 1',
  address1_city: 'Berlin',
  address1_stateorprovince: null,
  address1_postalcode: '10117',
  address1_country: 'Deutschland',
  statecode: 0,
  _parentcustomerid_value: null,
  _transactioncurrencyid_value: 'f1f9b3c5-0000-4000-8000-000000000002',
  transactioncurrencyid: { isocurrencycode: 'EUR' },
  modifiedon: '2026-01-01T00:00:00Z',
  ...fields,
});

describe('Contacts to Customer mapping (Sales contact > CDS Contact > CustomersV3)', () => {
  it('makes the contact a Person customer numbered by its contact number', () => {
    const outcome = mapper().map(row());
    expect(outcome).toEqual({
      ok: true,
      row: {
        dataAreaId: 'usmf',
        CustomerAccount: 'CON-01000-BVRCPS',
        PartyType: 'Person',
        PersonFirstName: 'Yvonne',
        PersonLastName: 'McKay',
        OrganizationName: 'Yvonne McKay',
        IsExternallyMaintained: 'Yes',
        CustomerGroupId: '10',
        SalesCurrencyCode: 'EUR',
        LanguageId: 'en-us',
        PrimaryContactEmail: 'yvonne@example.com',
        PrimaryContactPhone: '+49 30 555 0100',
        AddressStreet: 'Unter den Linden 1',
        AddressCity: 'Berlin',
        AddressState: null,
        AddressCounty: null,
        AddressZipCode: '10117',
        AddressCountryRegionISOCode: 'DEU',
        DeliveryAddressStreet: 'Unter den Linden 1',
        DeliveryAddressCity: 'Berlin',
        DeliveryAddressState: null,
        DeliveryAddressCounty: null,
        DeliveryAddressZipCode: '10117',
        DeliveryAddressCountryRegionISOCode: 'DEU',
      },
    });
  });

  it('fills USA and USD when Sales leaves the country and the currency blank', () => {
    const outcome = mapper().map(
      row({ address1_country: null, transactioncurrencyid: null, _transactioncurrencyid_value: null }),
    );
    expect(outcome.ok && outcome.row).toMatchObject({
      AddressCountryRegionISOCode: 'USA',
      DeliveryAddressCountryRegionISOCode: 'USA',
      SalesCurrencyCode: 'USD',
    });
  });

  it('takes a customer group from the configuration over the template default', () => {
    const outcome = mapper({ defaults: { CustomerGroupId: '20' } }).map(row());
    expect(outcome.ok && outcome.row.CustomerGroupId).toBe('20');
  });

  it('fails a contact whose country it cannot resolve, naming the value', () => {
    const outcome = mapper().map(row({ address1_country: 'Atlantis' }));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.message).toContain("cannot resolve the country 'Atlantis'");
  });

  it('keeps only active customers', () => {
    const { activeCustomersOnly } = task.filters!;
    expect(meetsCondition(row(), activeCustomersOnly!.where)).toBe(true);
    expect(meetsCondition(row({ msdyn_isactivecustomer: false }), activeCustomersOnly!.where)).toBe(false);
    expect(meetsCondition(row({ msdyn_isactivecustomer: null }), activeCustomersOnly!.where)).toBe(false);
    expect(contactToCustomerTemplate.preconditions).toEqual([{ template: 'accounts', ifUsed: true }]);
  });
});
