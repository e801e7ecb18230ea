import { describe, expect, it } from 'vitest';
import { Emulator, EmulatorSeedError, type EmulatorSeed } from '../src/index.js';
import { aCustomer } from './support/builders.js';
import { batchBody, changeset, httpPart, readBatchResponse } from './support/multipart.js';
import { FINOPS_ROOT, startSession } from './support/session.js';

interface Page {
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  value: Record<string, unknown>[];
}

interface FinOpsError {
  error: { message: string; innererror: { message: string; type: string } };
}

const seed: EmulatorSeed = {
  finops: {
    legalEntities: ['usmf', 'usrt'],
    customerGroups: ['10'],
    customers: [
      aCustomer('EXT-1').with({ IsExternallyMaintained: 'Yes' }).build(),
      aCustomer('OWN-1').build(),
      aCustomer('RT-1').inCompany('usrt').build(),
    ],
    ReleasedDistinctProductsV2: [
      { ProductNumber: 'P-1', ItemNumber: 'P-1', ProductName: 'Widget', SalesPrice: 10, IsSalesStopped: 'No' },
      { ProductNumber: 'P-2', ItemNumber: 'P-2', ProductName: 'Gadget', SalesPrice: 2.5, IsSalesStopped: 'Yes' },
      { ProductNumber: 'P-9', ItemNumber: 'P-9', ProductName: 'Retail only', dataAreaId: 'usrt' },
    ],
    SalesQuotationHeadersV2: [
      {
        SalesQuotationNumber: 'Q-1',
        RequestingCustomerAccountNumber: 'EXT-1',
        CurrencyCode: 'USD',
        RequestedReceiptDate: '2026-04-01T00:00:00Z',
        DeliveryAddressCountryRegionISOCode: 'USA',
      },
    ],
    CDSSalesOrderHeaders: [
      {
        SalesOrderNumber: 'SO-1',
        OrderingCustomerAccountNumber: 'EXT-1',
        InvoiceCustomerAccountNumber: 'OWN-1',
        CurrencyCode: 'USD',
        SalesOrderProcessingStatus: 'Confirmed',
      },
      {
        SalesOrderNumber: 'SO-2',
        OrderingCustomerAccountNumber: 'OWN-1',
        InvoiceCustomerAccountNumber: 'GONE',
        CurrencyCode: 'USD',
      },
      {
        SalesOrderNumber: 'SO-3',
        OrderingCustomerAccountNumber: 'RT-1',
        InvoiceCustomerAccountNumber: 'RT-1',
        CurrencyCode: 'USD',
        dataAreaId: 'usrt',
        SalesOrderProcessingStatus: 'Confirmed',
      },
    ],
    SalesInvoiceHeadersV2: [
      {
        InvoiceNumber: 'INV-1',
        InvoiceDate: '2026-03-01T00:00:00Z',
        InvoiceCustomerAccountNumber: 'EXT-1',
        CurrencyCode: 'USD',
        TotalInvoiceAmount: 25,
      },
    ],
  },
};

async function infolog(response: Response): Promise<string> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as FinOpsError;
  expect(body.error.message).toBe('An error has occurred.');
  expect(body.error.innererror.type).toBe(
    'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
  );
  return body.error.innererror.message;
}

describe('F&O data entities: create, read, patch by key', () => {
  const cases: [string, Record<string, unknown>, string, Record<string, unknown>][] = [
    [
      'ContactPersonsV2',
      { ContactPersonId: 'CP-1', LastName: 'Smith', CustomerAccount: 'EXT-1' },
      "ContactPersonId='CP-1'",
      { JobTitle: 'Buyer' },
    ],
    [
      'ReleasedDistinctProductsV2',
      { ProductNumber: 'P-3', ItemNumber: 'P-3', ProductName: 'Thing' },
      "ProductNumber='P-3'",
      { SalesPrice: 4 },
    ],
    [
      'SalesQuotationHeadersV2',
      {
        SalesQuotationNumber: 'Q-2',
        RequestingCustomerAccountNumber: 'OWN-1',
        CurrencyCode: 'USD',
        RequestedReceiptDate: '2026-05-01T10:00:00Z',
        DeliveryAddressCountryRegionISOCode: 'USA',
      },
      "SalesQuotationNumber='Q-2'",
      { SalesQuotationStatus: 'Sent' },
    ],
    [
      'SalesQuotationLines',
      {
        SalesQuotationNumber: 'Q-1',
        LineNumber: 1,
        ProductNumber: 'P-1',
        RequestedSalesQuantity: 3,
        SalesPrice: 10,
        RequestedReceiptDate: '2026-04-01T12:00:00Z',
      },
      "SalesQuotationNumber='Q-1',LineNumber=1",
      { RequestedSalesQuantity: 4 },
    ],
    [
      'CDSSalesOrderHeaders',
      {
        SalesOrderNumber: 'SO-9',
        OrderingCustomerAccountNumber: 'OWN-1',
        InvoiceCustomerAccountNumber: 'OWN-1',
        CurrencyCode: 'USD',
      },
      "SalesOrderNumber='SO-9'",
      { SalesOrderProcessingStatus: 'Invoiced' },
    ],
    [
      'CDSSalesOrderLines',
      { SalesOrderNumber: 'SO-1', LineNumber: 1, ProductNumber: 'P-1', OrderedSalesQuantity: 2, SalesPrice: 10 },
      "SalesOrderNumber='SO-1',LineNumber=1",
      { SalesPrice: 12 },
    ],
    [
      'SalesInvoiceHeadersV2',
      { InvoiceNumber: 'INV-2', InvoiceDate: '2026-03-02', InvoiceCustomerAccountNumber: 'OWN-1', CurrencyCode: 'USD' },
      "InvoiceNumber='INV-2'",
      { TotalInvoiceAmount: 99 },
    ],
    [
      'SalesInvoiceLinesV2',
      { InvoiceNumber: 'INV-1', LineNumber: 1, ProductNumber: 'P-1', InvoicedQuantity: 2.5, SalesPrice: 10 },
      "InvoiceNumber='INV-1',LineNumber=1",
      { InvoicedQuantity: 1 },
    ],
  ];

  it.each(cases)('%s', async (set, row, key, patch) => {
    const { finops, emulator } = await startSession(seed);
    const created = await finops(set, { method: 'POST', json: row });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${FINOPS_ROOT}${set}(dataAreaId='usmf',${key})`);
    expect(await created.json()).toMatchObject({
      ...row,
      dataAreaId: 'usmf',
      ...(row['InvoiceDate'] ? { InvoiceDate: '2026-03-02T00:00:00Z' } : {}),
    });

    const read = await finops(`${set}(dataAreaId='usmf',${key})`);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag') ?? ((await read.clone().json()) as Record<string, string>)['@odata.etag'];
    expect(etag).toMatch(/^W\/"/);

    const patched = await finops(`${set}(dataAreaId='usmf',${key})`, {
      method: 'PATCH',
      json: patch,
      headers: { 'If-Match': String(etag) },
    });
    expect(patched.status).toBe(204);
    const after = (await (await finops(`${set}(dataAreaId='usmf',${key})`)).json()) as Record<string, unknown>;
    expect(after).toMatchObject(patch);
    expect(after['@odata.etag']).not.toBe(etag);

    const stale = await finops(`${set}(dataAreaId='usmf',${key})`, {
      method: 'PATCH',
      json: patch,
      headers: { 'If-Match': String(etag) },
    });
    expect(stale.status).toBe(412);

    const again = await finops(set, { method: 'POST', json: row });
    expect(await infolog(again)).toMatch(
      /^Write failed for table row of type '\w+'\. Infolog: Error: Cannot create a record in .+\. The record already exists\.$/,
    );

    expect((await finops(`${set}(dataAreaId='usmf',${key})`, { method: 'DELETE' })).status).toBe(204);
    expect((await finops(`${set}(dataAreaId='usmf',${key})`)).status).toBe(404);
    expect(emulator.finops.entity(set as 'ContactPersonsV2').list().length).toBe(
      (seed.finops as Record<string, unknown[] | undefined>)[set]?.length ?? 0,
    );
  });

  it('computes LineAmount at read time and ignores it on writes', async () => {
    const { finops } = await startSession(seed);
    await finops('SalesQuotationLines', {
      method: 'POST',
      json: {
        SalesQuotationNumber: 'Q-1',
        LineNumber: 1.5,
        ProductNumber: 'P-2',
        RequestedSalesQuantity: 3,
        SalesPrice: 2.5,
        LineAmount: 1,
        RequestedReceiptDate: '2026-04-01T12:00:00Z',
      },
    });
    const row = (await (
      await finops("SalesQuotationLines(dataAreaId='usmf',SalesQuotationNumber='Q-1',LineNumber=1.5)")
    ).json()) as Record<string, unknown>;
    expect(row['LineAmount']).toBe(7.5);
  });

  it("gives a quotation line created without a price the released product's sales price, and keeps a price changed later", async () => {
    const { finops } = await startSession(seed);
    const line = { SalesQuotationNumber: 'Q-1', ProductNumber: 'P-2', RequestedSalesQuantity: 2 };
    const at = (n: number) => `SalesQuotationLines(dataAreaId='usmf',SalesQuotationNumber='Q-1',LineNumber=${n})`;
    const when = { RequestedReceiptDate: '2026-04-01T12:00:00Z' };
    await finops('SalesQuotationLines', { method: 'POST', json: { ...line, ...when, LineNumber: 7 } });
    await finops('SalesQuotationLines', {
      method: 'POST',
      json: { ...line, ...when, LineNumber: 8, SalesPrice: 3, LineDiscountAmount: 0.5 },
    });
    expect(await (await finops(at(7))).json()).toMatchObject({ SalesPrice: 2.5, LineAmount: 5 });
    expect(await (await finops(at(8))).json()).toMatchObject({ SalesPrice: 3, LineAmount: 5 });
    await finops(at(7), { method: 'PATCH', json: { SalesPrice: 2 } });
    await finops(at(7), { method: 'PATCH', json: { RequestedSalesQuantity: 4 } });
    expect(await (await finops(at(7))).json()).toMatchObject({ SalesPrice: 2, LineAmount: 8 });
  });

  it('refuses a quotation without a delivery country/region, or with one F&O does not know', async () => {
    const { finops } = await startSession(seed);
    const header = {
      SalesQuotationNumber: 'Q-3',
      RequestingCustomerAccountNumber: 'OWN-1',
      CurrencyCode: 'USD',
      RequestedReceiptDate: '2026-05-01T12:00:00Z',
    };
    expect(await infolog(await finops('SalesQuotationHeadersV2', { method: 'POST', json: header }))).toContain(
      "Field 'Delivery country/region' must be filled in.",
    );
    const unknown = { ...header, DeliveryAddressCountryRegionISOCode: 'United States' };
    expect(await infolog(await finops('SalesQuotationHeadersV2', { method: 'POST', json: unknown }))).toContain(
      "The value 'United States' in field 'Delivery country/region' is not found in the relating table 'Country/region'.",
    );
  });
});

describe('F&O data entities: companies and queries', () => {
  it('reads the default company unless cross-company=true, by key too', async () => {
    const { finops } = await startSession(seed);
    const own = (await (await finops('ReleasedDistinctProductsV2?$select=ProductNumber')).json()) as Page;
    expect(own.value.map((row) => row['ProductNumber'])).toEqual(['P-1', 'P-2']);
    const all = (await (
      await finops('ReleasedDistinctProductsV2?cross-company=true&$select=ProductNumber,dataAreaId')
    ).json()) as Page;
    expect(all.value.map((row) => `${String(row['dataAreaId'])}/${String(row['ProductNumber'])}`)).toEqual([
      'usmf/P-1',
      'usmf/P-2',
      'usrt/P-9',
    ]);
    expect((await finops("ReleasedDistinctProductsV2(dataAreaId='usrt',ProductNumber='P-9')")).status).toBe(404);
    expect(
      (await finops("ReleasedDistinctProductsV2(dataAreaId='usrt',ProductNumber='P-9')?cross-company=true")).status,
    ).toBe(200);
  });

  it('writes go to the company named by dataAreaId and default to the first legal entity', async () => {
    const { finops, emulator } = await startSession(seed);
    const product = { ItemNumber: 'X', ProductName: 'X' };
    expect(
      (
        await finops('ReleasedDistinctProductsV2', {
          method: 'POST',
          json: { ...product, ProductNumber: 'X', dataAreaId: 'USRT' },
        })
      ).status,
    ).toBe(201);
    expect(
      (await finops('ReleasedDistinctProductsV2', { method: 'POST', json: { ...product, ProductNumber: 'Y' } })).status,
    ).toBe(201);
    const products = emulator.finops.entity('ReleasedDistinctProductsV2');
    expect(products.get({ dataAreaId: 'usrt', ProductNumber: 'x' })?.['ProductName']).toBe('X');
    expect(products.get({ ProductNumber: 'Y' })?.['dataAreaId']).toBe('usmf');
  });

  it('filters by a string enum status and by NoYes enum literals', async () => {
    const { finops } = await startSession(seed);
    const confirmed = (await (
      await finops(
        "CDSSalesOrderHeaders?cross-company=true&$filter=SalesOrderProcessingStatus eq 'Confirmed'&$select=SalesOrderNumber",
      )
    ).json()) as Page;
    expect(confirmed.value.map((row) => row['SalesOrderNumber'])).toEqual(['SO-1', 'SO-3']);
    const sellable = (await (
      await finops(
        "ReleasedDistinctProductsV2?$filter=IsSalesStopped eq Microsoft.Dynamics.DataEntities.NoYes'No'&$select=ProductNumber",
      )
    ).json()) as Page;
    expect(sellable.value.map((row) => row['ProductNumber'])).toEqual(['P-1']);
    const external = (await (
      await finops(
        "CDSSalesOrderHeaders?$filter=OrderingCustomerIsExternallyMaintained eq Microsoft.Dynamics.DataEntities.NoYes'Yes'&$select=SalesOrderNumber",
      )
    ).json()) as Page;
    expect(external.value.map((row) => row['SalesOrderNumber'])).toEqual(['SO-1']);
  });

  it('pages with $top/$skip, $orderby, $count and a server nextLink', async () => {
    const { finops } = await startSession(seed);
    const first = (await (
      await finops(
        'ReleasedDistinctProductsV2?cross-company=true&$orderby=ProductNumber desc&$count=true&$select=ProductNumber',
        {
          headers: { Prefer: 'odata.maxpagesize=2' },
        },
      )
    ).json()) as Page;
    expect(first['@odata.count']).toBe(3);
    expect(first.value.map((row) => row['ProductNumber'])).toEqual(['P-9', 'P-2']);
    expect(first['@odata.nextLink']).toMatch(/(\$|%24)skip=2/);
    const second = (await (await finops(String(first['@odata.nextLink']))).json()) as Page;
    expect(second.value.map((row) => row['ProductNumber'])).toEqual(['P-1']);
    expect(second['@odata.nextLink']).toBeUndefined();
    const window = (await (
      await finops('ReleasedDistinctProductsV2?$top=1&$skip=1&$select=ProductNumber')
    ).json()) as Page;
    expect(window.value.map((row) => row['ProductNumber'])).toEqual(['P-2']);
    expect(await (await finops('CDSSalesOrderHeaders/$count?cross-company=true')).text()).toBe('3');
  });

  it('lists the entities in the service document and $metadata', async () => {
    const { finops } = await startSession(seed);
    const document = (await (await finops('')).json()) as { value: { name: string }[] };
    expect(document.value.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['CustomersV3', 'SalesQuotationLines', 'CDSSalesOrderHeaders']),
    );
    const xml = await (await finops('$metadata')).text();
    expect(xml).toContain(
      '<EntitySet Name="SalesInvoiceLinesV2" EntityType="Microsoft.Dynamics.DataEntities.SalesInvoiceLineV2" />',
    );
    expect(xml).toContain(
      '<Property Name="OrderingCustomerIsExternallyMaintained" Type="Microsoft.Dynamics.DataEntities.NoYes" />',
    );
    expect(xml).toContain('<Property Name="PersonLastName" Type="Edm.String" />');
  });
});

describe('F&O data entities: validation', () => {
  it('refuses a quotation line for a missing header or unknown product with Infolog text', async () => {
    const { finops } = await startSession(seed);
    const line = {
      SalesQuotationNumber: 'Q-404',
      LineNumber: 1,
      ProductNumber: 'P-404',
      RequestedSalesQuantity: 1,
      RequestedReceiptDate: '2026-04-01T12:00:00Z',
    };
    expect(await infolog(await finops('SalesQuotationLines', { method: 'POST', json: line }))).toBe(
      "Write failed for table row of type 'SalesQuotationLineEntity'. Infolog: Error: Sales quotation Q-404 does not exist.; Error: Product P-404 does not exist.",
    );
    // A product of another company does not count.
    expect(
      await infolog(
        await finops('SalesQuotationLines', {
          method: 'POST',
          json: { ...line, SalesQuotationNumber: 'Q-1', ProductNumber: 'P-9' },
        }),
      ),
    ).toBe(
      "Write failed for table row of type 'SalesQuotationLineEntity'. Infolog: Error: Product P-9 does not exist.",
    );
  });

  it('refuses missing mandatory fields, unknown customers and headers', async () => {
    const { finops } = await startSession(seed);
    expect(await infolog(await finops('ContactPersonsV2', { method: 'POST', json: { ContactPersonId: 'CP-1' } }))).toBe(
      "Write failed for table row of type 'ContactPersonV2Entity'. Infolog: Error: Field 'Last name' must be filled in.; Error: Field 'Customer account' must be filled in.",
    );
    expect(
      await infolog(
        await finops('ContactPersonsV2', {
          method: 'POST',
          json: { ContactPersonId: 'CP-1', LastName: 'X', CustomerAccount: 'RT-1' },
        }),
      ),
    ).toContain('Error: Customer account RT-1 does not exist.');
    expect(
      await infolog(
        await finops('CDSSalesOrderLines', {
          method: 'POST',
          json: { SalesOrderNumber: 'SO-404', LineNumber: 1, ProductNumber: 'P-1', OrderedSalesQuantity: 1 },
        }),
      ),
    ).toContain('Error: Sales order SO-404 does not exist.');
    expect(
      await infolog(
        await finops('CDSSalesOrderHeaders', {
          method: 'POST',
          json: {
            SalesOrderNumber: 'SO-8',
            OrderingCustomerAccountNumber: 'OWN-1',
            InvoiceCustomerAccountNumber: 'OWN-1',
            CurrencyCode: 'USD',
            SalesOrderProcessingStatus: 'Lost',
          },
        }),
      ),
    ).toContain("The value 'Lost' in field 'Processing status' is not valid.");
    const unknown = await finops('SalesInvoiceLinesV2', { method: 'POST', json: { Nope: 1 } });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as FinOpsError).error.innererror.message).toContain(
      "The property 'Nope' does not exist on type 'Microsoft.Dynamics.DataEntities.SalesInvoiceLineV2'.",
    );
  });

  it('a Person customer needs PersonLastName instead of OrganizationName', async () => {
    const { finops, emulator } = await startSession(seed);
    const person = {
      CustomerAccount: 'PER-1',
      PartyType: 'Person',
      CustomerGroupId: '10',
      SalesCurrencyCode: 'USD',
      PersonFirstName: 'Ada',
    };
    expect(await infolog(await finops('CustomersV3', { method: 'POST', json: person }))).toBe(
      "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: Field 'Last name' must be filled in.",
    );
    const created = await finops('CustomersV3', { method: 'POST', json: { ...person, PersonLastName: 'Lovelace' } });
    expect(created.status).toBe(201);
    expect(emulator.finops.customers.get('usmf', 'PER-1')).toMatchObject({
      PersonFirstName: 'Ada',
      PersonLastName: 'Lovelace',
      OrganizationName: 'Ada Lovelace',
    });
  });
});

describe('F&O data entities: computed customer flags', () => {
  it('order and invoice headers follow CustomersV3.IsExternallyMaintained of their company', async () => {
    const { finops, emulator } = await startSession(seed);
    const order = async (number: string): Promise<Record<string, unknown>> =>
      (await (await finops(`CDSSalesOrderHeaders(dataAreaId='usmf',SalesOrderNumber='${number}')`)).json()) as Record<
        string,
        unknown
      >;
    expect(await order('SO-1')).toMatchObject({
      OrderingCustomerIsExternallyMaintained: 'Yes',
      InvoiceCustomerIsExternallyMaintained: 'No',
    });
    expect(await order('SO-2')).toMatchObject({
      OrderingCustomerIsExternallyMaintained: 'No',
      InvoiceCustomerIsExternallyMaintained: 'No',
    });

    const patch = await finops("CustomersV3(dataAreaId='usmf',CustomerAccount='OWN-1')", {
      method: 'PATCH',
      json: { IsExternallyMaintained: 'Yes' },
    });
    expect(patch.status).toBe(204);
    expect(await order('SO-1')).toMatchObject({ InvoiceCustomerIsExternallyMaintained: 'Yes' });
    expect(emulator.finops.entity('CDSSalesOrderHeaders').get({ SalesOrderNumber: 'SO-2' })).toMatchObject({
      OrderingCustomerIsExternallyMaintained: 'Yes',
    });

    const invoices = emulator.finops.entity('SalesInvoiceHeadersV2');
    expect(invoices.get({ InvoiceNumber: 'INV-1' })).toMatchObject({
      InvoiceCustomerIsExternallyMaintained: 'Yes',
      InvoiceDate: '2026-03-01T00:00:00Z',
    });
    invoices.update({ InvoiceNumber: 'INV-1' }, { InvoiceCustomerAccountNumber: 'RT-1' });
    // RT-1 lives in usrt only: from usmf the customer is missing, so the flag reads No.
    expect(invoices.get({ InvoiceNumber: 'INV-1' })?.['InvoiceCustomerIsExternallyMaintained']).toBe('No');
  });
});

describe('F&O data entities: $batch, seeds, direct and admin access', () => {
  it('rolls a failing change set back', async () => {
    const { finops, emulator } = await startSession(seed);
    const line = (number: number, header: string, id: string): string =>
      httpPart(['POST SalesQuotationLines HTTP/1.1', 'Content-Type: application/json'], {
        contentId: id,
        body: {
          SalesQuotationNumber: header,
          LineNumber: number,
          ProductNumber: 'P-1',
          RequestedSalesQuantity: 1,
          RequestedReceiptDate: '2026-04-01T12:00:00Z',
        },
      });
    const body = batchBody('b1', [
      changeset('c1', [
        httpPart(['POST SalesQuotationHeadersV2 HTTP/1.1', 'Content-Type: application/json'], {
          contentId: '1',
          body: {
            SalesQuotationNumber: 'Q-NEW',
            RequestingCustomerAccountNumber: 'OWN-1',
            CurrencyCode: 'USD',
            RequestedReceiptDate: '2026-04-01T00:00:00Z',
            DeliveryAddressCountryRegionISOCode: 'USA',
          },
        }),
        line(1, 'Q-NEW', '2'),
        httpPart(
          [
            "PATCH CDSSalesOrderHeaders(dataAreaId='usmf',SalesOrderNumber='SO-1') HTTP/1.1",
            'Content-Type: application/json',
          ],
          {
            contentId: '3',
            body: { SalesOrderName: 'changed' },
          },
        ),
        line(2, 'Q-MISSING', '4'),
      ]),
    ]);
    const response = await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b1' },
      body,
    });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts).toEqual([expect.objectContaining({ status: 400, contentId: '4' })]);
    expect(emulator.finops.entity('SalesQuotationHeadersV2').get({ SalesQuotationNumber: 'Q-NEW' })).toBeUndefined();
    expect(emulator.finops.entity('SalesQuotationLines').list()).toEqual([]);
    expect(emulator.finops.entity('CDSSalesOrderHeaders').get({ SalesOrderNumber: 'SO-1' })?.['SalesOrderName']).toBe(
      '',
    );
  });

  it('loads seeds with defaults, refuses invalid seed rows and collisions when adding', async () => {
    const emulator = new Emulator(seed);
    expect(emulator.finops.entity('SalesQuotationHeadersV2').get({ SalesQuotationNumber: 'Q-1' })).toMatchObject({
      dataAreaId: 'usmf',
      SalesQuotationStatus: 'Created',
      RequestedReceiptDate: '2026-04-01T00:00:00Z',
    });
    expect(emulator.finops.entity('CDSSalesOrderHeaders').list()).toHaveLength(3);
    expect(
      () => new Emulator({ finops: { ContactPersonsV2: [{ ContactPersonId: 'C', CustomerAccount: 'X' }] } }),
    ).toThrow(/finops\.ContactPersonsV2\[0\]: Field 'Last name' must be filled in\./);
    expect(() => new Emulator({ finops: { ReleasedDistinctProductsV2: [{ ProductNumber: 1 }] } })).toThrow(
      EmulatorSeedError,
    );

    const { emulator: running, finops } = await startSession(seed);
    const admin = async (path: string, init?: RequestInit): Promise<Response> =>
      running.handle(new Request(`${FINOPS_ROOT.replace('/data/', '')}/_emulator/${path}`, init));
    const added = await admin('seed', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        finops: { ReleasedDistinctProductsV2: [{ ProductNumber: 'P-1', ItemNumber: 'P-1', ProductName: 'Again' }] },
      }),
    });
    expect(added.status).toBe(409);
    expect(((await (await finops('ReleasedDistinctProductsV2')).json()) as Page).value).toHaveLength(2);
  });

  it('serves rows over the admin API and gives direct access', async () => {
    const { emulator } = await startSession(seed);
    const contacts = emulator.finops.entity('ContactPersonsV2');
    const row = contacts.insert({ ContactPersonId: 'CP-7', LastName: 'Doe', CustomerAccount: 'OWN-1' });
    expect(row).toMatchObject({ dataAreaId: 'usmf', IsContactPersonExternallyMaintained: 'No', FirstName: '' });
    expect(() => contacts.insert({ ContactPersonId: 'CP-8', LastName: 'Doe', CustomerAccount: 'NOPE' })).toThrow(
      'Customer account NOPE does not exist.',
    );
    expect(contacts.update({ ContactPersonId: 'cp-7' }, { JobTitle: 'CFO' })['JobTitle']).toBe('CFO');

    const base = FINOPS_ROOT.replace('/data/', '');
    const listed = await emulator.handle(new Request(`${base}/_emulator/finops/entities/ContactPersonsV2`));
    expect(await listed.json()).toEqual({
      value: [expect.objectContaining({ ContactPersonId: 'CP-7', JobTitle: 'CFO' })],
    });
    expect((await emulator.handle(new Request(`${base}/_emulator/finops/entities/Nope`))).status).toBe(404);

    contacts.remove({ dataAreaId: 'usmf', ContactPersonId: 'CP-7' });
    expect(contacts.list()).toEqual([]);
  });
});
