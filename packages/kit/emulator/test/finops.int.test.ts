import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../src/index.js';
import { aCustomer } from './support/builders.js';
import { FINOPS_ROOT, startSession } from './support/session.js';

interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  value: Record<string, unknown>[];
}

const referenceSeed: EmulatorSeed = {
  finops: {
    legalEntities: ['usmf', 'usrt'],
    customerGroups: [
      { dataAreaId: 'usmf', CustomerGroupId: '10', Description: 'Wholesale' },
      { dataAreaId: 'usrt', CustomerGroupId: '20' },
    ],
    currencies: ['USD', 'EUR'],
    customers: [
      aCustomer('US-001').with({ IsExternallyMaintained: 'Yes' }).build(),
      aCustomer('US-002').build(),
      aCustomer('RT-001').inCompany('USRT').with({ CustomerGroupId: '20' }).build(),
    ],
  },
};

const newCustomer = {
  CustomerAccount: 'ACC-01000-BVRCPS',
  dataAreaId: 'usmf',
  OrganizationName: 'Contoso',
  PartyType: 'Organization',
  CustomerGroupId: '10',
  SalesCurrencyCode: 'USD',
  IsExternallyMaintained: 'Yes',
  AddressCountryRegionISOCode: 'USA',
};

describe('F&O reads', () => {
  it('treats entity set names as case-sensitive', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('customersv3');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      Message: `No HTTP resource was found that matches the request URI '${FINOPS_ROOT}customersv3'.`,
    });
  });

  it('reads the default company unless cross-company=true', async () => {
    const { finops } = await startSession(referenceSeed);
    const own = (await (await finops('CustomersV3?$select=CustomerAccount,dataAreaId')).json()) as Page;
    expect(own.value.map((row) => row['CustomerAccount'])).toEqual(['US-001', 'US-002']);
    const all = (await (
      await finops('CustomersV3?cross-company=true&$select=CustomerAccount,dataAreaId')
    ).json()) as Page;
    expect(all.value).toEqual(
      [
        { '@odata.etag': expect.any(String), CustomerAccount: 'US-001', dataAreaId: 'usmf' },
        { '@odata.etag': expect.any(String), CustomerAccount: 'US-002', dataAreaId: 'usmf' },
        { '@odata.etag': expect.any(String), CustomerAccount: 'RT-001', dataAreaId: 'usrt' },
      ].sort((a, b) => a.dataAreaId.localeCompare(b.dataAreaId)),
    );
  });

  it('returns enums as strings, strings never null and dataAreaId in lower case', async () => {
    const { finops } = await startSession(referenceSeed);
    const page = (await (
      await finops("CustomersV3?cross-company=true&$filter=CustomerAccount eq 'RT-001'")
    ).json()) as Page;
    expect(page.value[0]).toMatchObject({
      dataAreaId: 'usrt',
      IsExternallyMaintained: 'No',
      SalesMemo: '',
      CreditLimit: 0,
      PartyNumber: expect.stringMatching(/^\d{9}$/),
    });
  });

  it('filters with enum literals and refuses a plain string for an enum', async () => {
    const { finops } = await startSession(referenceSeed);
    const filter = encodeURIComponent("IsExternallyMaintained eq Microsoft.Dynamics.DataEntities.NoYes'Yes'");
    const page = (await (await finops(`CustomersV3?$filter=${filter}&$select=CustomerAccount`)).json()) as Page;
    expect(page.value.map((row) => row['CustomerAccount'])).toEqual(['US-001']);
    const refused = await finops(`CustomersV3?$filter=${encodeURIComponent("IsExternallyMaintained eq 'Yes'")}`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { innererror: { message: expect.stringContaining('incompatible types') } },
    });
  });

  it('pages with $skip next links, honours $top and $count', async () => {
    const customers = Array.from({ length: 5 }, (_, index) => aCustomer(`C-${index}`).build());
    const { finops } = await startSession({ finops: { customers } });
    const headers = { Prefer: 'odata.maxpagesize=2' };
    const first = await finops('CustomersV3?$select=CustomerAccount&$orderby=CustomerAccount desc&$count=true', {
      headers,
    });
    expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
    let page = (await first.json()) as Page;
    expect(page['@odata.count']).toBe(5);
    const seen = page.value.map((row) => row['CustomerAccount']);
    while (page['@odata.nextLink']) {
      expect(page['@odata.nextLink']).toMatch(/\$skip=\d+/);
      page = (await (await finops(page['@odata.nextLink'], { headers })).json()) as Page;
      seen.push(...page.value.map((row) => row['CustomerAccount']));
    }
    expect(seen).toEqual(['C-4', 'C-3', 'C-2', 'C-1', 'C-0']);

    const window = (await (
      await finops('CustomersV3?$select=CustomerAccount&$orderby=CustomerAccount&$skip=1&$top=3', { headers })
    ).json()) as Page;
    expect(window.value.map((row) => row['CustomerAccount'])).toEqual(['C-1', 'C-2']);
    const rest = (await (await finops(window['@odata.nextLink'] ?? '', { headers })).json()) as Page;
    expect(rest.value.map((row) => row['CustomerAccount'])).toEqual(['C-3']);
    expect(rest['@odata.nextLink']).toBeUndefined();
  });

  it('answers /$count in the default company, honouring $filter', async () => {
    const { finops } = await startSession(referenceSeed);
    expect(await (await finops('CustomersV3/$count')).text()).toBe('2');
    expect(await (await finops("CustomersV3/$count?cross-company=true&$filter=CustomerGroupId eq '20'")).text()).toBe(
      '1',
    );
  });

  it('finds a row by key in any order and case, as F&O collation does', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops("CustomersV3(CustomerAccount='us-001',dataAreaId='USMF')");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      '@odata.context': `${FINOPS_ROOT}$metadata#CustomersV3/$entity`,
      CustomerAccount: 'US-001',
      dataAreaId: 'usmf',
    });
  });

  it('reaches another company by key only with cross-company=true', async () => {
    const { finops } = await startSession(referenceSeed);
    expect((await finops("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')")).status).toBe(404);
    expect((await finops("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')?cross-company=true")).status).toBe(
      200,
    );
  });

  it('serves customer groups and a $metadata document', async () => {
    const { finops } = await startSession(referenceSeed);
    const groups = (await (await finops('CustomerGroups')).json()) as Page;
    expect(groups.value).toEqual([{ dataAreaId: 'usmf', CustomerGroupId: '10', Description: 'Wholesale' }]);
    const metadata = await finops('$metadata');
    expect(metadata.headers.get('content-type')).toContain('xml');
    const xml = await metadata.text();
    expect(xml).toContain('<EntitySet Name="CustomersV3" EntityType="Microsoft.Dynamics.DataEntities.CustomerV3" />');
    expect(xml).toContain('<Property Name="IsExternallyMaintained" Type="Microsoft.Dynamics.DataEntities.NoYes" />');
  });
});

describe('F&O writes', () => {
  it('POST creates the customer (201 with the row and a party number)', async () => {
    const { finops, emulator } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', { method: 'POST', json: newCustomer });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(
      `${FINOPS_ROOT}CustomersV3(dataAreaId='usmf',CustomerAccount='ACC-01000-BVRCPS')`,
    );
    expect(await response.json()).toMatchObject({ ...newCustomer, PartyNumber: expect.stringMatching(/^\d{9}$/) });
    expect(emulator.finops.customers.get('USMF', 'acc-01000-bvrcps')).toMatchObject({ OrganizationName: 'Contoso' });
  });

  it('refuses a customer group missing from the company with the F&O error body', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', { method: 'POST', json: { ...newCustomer, CustomerGroupId: '99' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: '',
        message: 'An error has occurred.',
        innererror: {
          message:
            "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: The value '99' in field 'Customer group' is not found in the relating table 'Customer groups'.",
          type: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
          stacktrace: '',
        },
      },
    });
  });

  it('lists every failed check in the Infolog', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', {
      method: 'POST',
      json: {
        CustomerAccount: 'X'.repeat(21),
        PartyType: 'Organization',
        SalesCurrencyCode: 'JPY',
        AddressCountryRegionISOCode: 'US',
      },
    });
    const body = (await response.json()) as { error: { innererror: { message: string } } };
    expect(body.error.innererror.message).toBe(
      "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: " +
        [
          `Error: The value '${'X'.repeat(21)}' in field 'Customer account' is longer than the 20 characters the field can hold.`,
          "Error: The value 'JPY' in field 'Currency' is not found in the relating table 'Currencies'.",
          "Error: The value 'US' in field 'Country/region ISO code' is not found in the relating table 'Country/region'.",
          "Error: Field 'Name' must be filled in.",
          "Error: Field 'Customer group' must be filled in.",
        ].join('; '),
    );
  });

  it('does not check reference lists the seed did not provide', async () => {
    const { finops } = await startSession({ finops: { legalEntities: ['usmf'] } });
    const response = await finops('CustomersV3', {
      method: 'POST',
      json: { ...newCustomer, CustomerGroupId: '99', SiteId: '7' },
    });
    expect(response.status).toBe(201);
  });

  it('always checks the legal entity', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', { method: 'POST', json: { ...newCustomer, dataAreaId: 'DEMF' } });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { error: { innererror: { message: string } } }).error.innererror.message,
    ).toContain("Company 'demf' does not exist.");
  });

  it('refuses a duplicate key, ignoring case', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', {
      method: 'POST',
      json: { ...newCustomer, CustomerAccount: 'us-001' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { innererror: { message: string } } }).error.innererror.message).toBe(
      "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: Cannot create a record in Customers (CustTable). Customer account: us-001, usmf. The record already exists.",
    );
  });

  it('names an unknown property', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', { method: 'POST', json: { ...newCustomer, CustomerName: 'x' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        innererror: {
          message:
            "The property 'CustomerName' does not exist on type 'Microsoft.Dynamics.DataEntities.CustomerV3'. Make sure to only use property names that are defined by the type.",
        },
      },
    });
  });

  it('refuses an enum value that is not Yes or No', async () => {
    const { finops } = await startSession(referenceSeed);
    const response = await finops('CustomersV3', {
      method: 'POST',
      json: { ...newCustomer, IsExternallyMaintained: 'true' },
    });
    expect(response.status).toBe(400);
  });

  it('PATCH changes only the fields sent; 404 when the key is missing', async () => {
    const { finops, emulator } = await startSession(referenceSeed);
    const response = await finops("CustomersV3(dataAreaId='usmf',CustomerAccount='us-002')", {
      method: 'PATCH',
      json: { SalesMemo: 'Call first', CreditLimit: 2500 },
    });
    expect(response.status).toBe(204);
    expect(emulator.finops.customers.get('usmf', 'US-002')).toMatchObject({
      OrganizationName: 'Customer US-002',
      SalesMemo: 'Call first',
      CreditLimit: 2500,
    });
    const missing = await finops("CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')", {
      method: 'PATCH',
      json: { SalesMemo: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  it('DELETE removes the customer', async () => {
    const { finops, emulator } = await startSession(referenceSeed);
    expect((await finops("CustomersV3(dataAreaId='usmf',CustomerAccount='US-002')", { method: 'DELETE' })).status).toBe(
      204,
    );
    expect(emulator.finops.customers.get('usmf', 'US-002')).toBeUndefined();
  });
});
