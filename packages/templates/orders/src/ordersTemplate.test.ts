import { RecordMapper, meetsCondition, stableGuid, type RecordContext, type TaskDefinition } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { ORDER_HEADER_TASK_ID, ORDER_LINE_TASK_ID, ordersTemplate } from './ordersTemplate.js';
import { P2C_TASKS } from '@p2c/prospect-to-cash';

const task = (id: string): TaskDefinition => ordersTemplate.tasks.find((t) => t.id === id)!;
const mapperFor = (
  id: string,
  settings: { defaults?: Record<string, string>; valueMaps?: Record<string, Record<string, string>> } = {},
) =>
  new RecordMapper(
    task(id),
    { defaults: settings.defaults ?? {}, valueMaps: settings.valueMaps ?? {} },
    {},
    `tasks.${id}`,
  );

const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
const EUR = '7a3c2f10-5b1e-4c6a-9d0e-000000000978';

/** Reference rows as the Dataverse source returns them (the price list's currency joined). */
const references = {
  currencies: [
    { transactioncurrencyid: USD, isocurrencycode: 'USD', modifiedon: '2026-01-01T00:00:00Z' },
    { transactioncurrencyid: EUR, isocurrencycode: 'EUR', modifiedon: '2026-01-01T00:00:00Z' },
  ],
  priceLists: [
    {
      pricelevelid: 'b0000000-0000-4000-8000-000000000003',
      name: 'Wholesale USD',
      statecode: 0,
      transactioncurrencyid: { isocurrencycode: 'USD' },
    },
    {
      pricelevelid: 'b0000000-0000-4000-8000-000000000001',
      name: 'CRM Service USA (sample)',
      statecode: 0,
      transactioncurrencyid: { isocurrencycode: 'USD' },
    },
    {
      pricelevelid: 'b0000000-0000-4000-8000-000000000000',
      name: 'Archive USD',
      statecode: 1,
      transactioncurrencyid: { isocurrencycode: 'USD' },
    },
    {
      pricelevelid: 'b0000000-0000-4000-8000-000000000002',
      name: 'Retail EUR',
      statecode: 0,
      transactioncurrencyid: { isocurrencycode: 'EUR' },
    },
  ],
};

const byAccount: RecordContext = {
  key: 'SO-000101',
  parents: { customer: { taskKey: P2C_TASKS.accounts.customers, key: 'ACC-01000-BVRCPS' } },
  references,
};

/** A `CDSSalesOrderHeaders` row as F&O's OData returns it (cross-company). */
const header = {
  '@odata.etag': 'W/"JzEsNTYzNzE0NDU3Nic="',
  dataAreaId: 'usmf',
  SalesOrderNumber: 'SO-000101',
  SalesOrderName: 'Contoso spring order',
  OrderingCustomerAccountNumber: 'ACC-01000-BVRCPS',
  InvoiceCustomerAccountNumber: 'ACC-01000-BVRCPS',
  CurrencyCode: 'USD',
  RequestedReceiptDate: '2026-03-15T12:00:00Z',
  SalesOrderProcessingStatus: 'Confirmed',
  AreTotalsCalculated: 'Yes',
  TotalAmount: 1250.5,
  QuotationNumber: '',
  OrderingCustomerIsExternallyMaintained: 'Yes',
  InvoiceCustomerIsExternallyMaintained: 'Yes',
};

/** A `CDSSalesOrderLines` row as F&O returns it. */
const line = {
  dataAreaId: 'usmf',
  SalesOrderNumber: 'SO-000101',
  LineNumber: 1,
  ProductNumber: 'D0001',
  OrderedSalesQuantity: 5,
  SalesPrice: 250.1,
  SalesUnitSymbol: 'ea',
  LineAmount: 1250.5,
};

describe('OrderHeader mapping', () => {
  it('maps a confirmed F&O order to a Sales order of an account', () => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map(header, byAccount);
    expect(outcome).toEqual({
      ok: true,
      row: {
        ordernumber: 'SO-000101',
        name: 'Contoso spring order',
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-01000-BVRCPS')",
        'customerid_contact@odata.bind': null,
        'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
        'pricelevelid@odata.bind': '/pricelevels(b0000000-0000-4000-8000-000000000001)',
        totalamount: 1250.5,
        requestdeliveryby: '2026-03-15',
        billto_country: null,
        shipto_country: null,
        msdyn_processingstatus: 192350002,
        msdyn_isexternallymaintained: true,
      },
    });
  });

  it('binds a contact customer when Contacts to Customer synced it', () => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map(
      { ...header, OrderingCustomerAccountNumber: "CON-01000-O'HARA" },
      {
        ...byAccount,
        parents: { customer: { taskKey: P2C_TASKS.contactToCustomer.customers, key: "CON-01000-O'HARA" } },
      },
    );
    expect(outcome.ok && outcome.row).toMatchObject({
      'customerid_account@odata.bind': null,
      'customerid_contact@odata.bind': "/contacts(msdyn_contactnumber='CON-01000-O''HARA')",
    });
  });

  it('names the order after its number when it has no name, and leaves out a blank delivery date', () => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map(
      { ...header, SalesOrderName: '', RequestedReceiptDate: '1900-01-01T00:00:00Z' },
      byAccount,
    );
    expect(outcome.ok && outcome.row).toMatchObject({ name: 'SO-000101', requestdeliveryby: null });
  });

  it('takes the price list the per-currency value map names, and fails an order whose currency it does not list', () => {
    const eur = mapperFor(ORDER_HEADER_TASK_ID, {
      valueMaps: { 'pricelevelid@odata.bind': { USD: 'Wholesale USD', EUR: 'retail eur' } },
    }).map({ ...header, CurrencyCode: 'EUR' }, byAccount);
    expect(eur.ok && eur.row['pricelevelid@odata.bind']).toBe('/pricelevels(b0000000-0000-4000-8000-000000000002)');
    // Sales requires a price list on an order (Microsoft's "Sales order headers and lines" article).
    const unlisted = mapperFor(ORDER_HEADER_TASK_ID).map({ ...header, CurrencyCode: 'EUR' }, byAccount);
    expect(!unlisted.ok && unlisted.error).toMatchObject({
      code: 'VALUE_MAP_MISS',
      field: 'pricelevelid@odata.bind',
    });
    const none = mapperFor(ORDER_HEADER_TASK_ID).map(header, {
      ...byAccount,
      references: { ...references, priceLists: [] },
    });
    expect(!none.ok && none.error).toMatchObject({
      code: 'NO_PRICE_LIST',
      field: 'pricelevelid@odata.bind',
      message: expect.stringContaining("No active price list in Sales is named 'CRM Service USA (sample)'"),
    });
  });

  it.each([
    ['Draft', 192350000],
    ['Active', 192350001],
    ['Confirmed', 192350002],
    ['PackingSlip', 192350003],
    ['Invoiced', 192350004],
    ['Picked', 192350005],
    ['PartiallyPicked', 192350006],
    ['PartiallyPacked', 192350007],
    ['Shipped', 192350008],
    ['PartiallyShipped', 192350009],
    ['PartiallyInvoiced', 192350010],
    ['Cancelled', 192350011],
  ])('maps the processing status %s to option %i', (status, option) => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map({ ...header, SalesOrderProcessingStatus: status }, byAccount);
    expect(outcome.ok && outcome.row['msdyn_processingstatus']).toBe(option);
  });

  it('fails an order in a currency Sales does not have, naming it', () => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map({ ...header, CurrencyCode: 'JPY' }, byAccount);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('UNKNOWN_CURRENCY');
    // The price list value map has no JPY entry either, and says so after the currency.
    expect(!outcome.ok && outcome.error.message).toBe(
      "transactioncurrencyid@odata.bind: Sales has no currency 'JPY' (add it in Sales under Currencies); pricelevelid@odata.bind: no value map entry for 'JPY'",
    );
  });

  it('fails an order whose customer came from a task it does not know', () => {
    const outcome = mapperFor(ORDER_HEADER_TASK_ID).map(header, {
      ...byAccount,
      parents: { customer: { taskKey: 'x/Y', key: 'ACC-1' } },
    });
    expect(!outcome.ok && outcome.error.code).toBe('CUSTOMER_UNRESOLVED');
  });
});

describe('OrderHeader filters', () => {
  const filters = task(ORDER_HEADER_TASK_ID).filters!;
  const passes = (row: Record<string, unknown>) =>
    Object.entries(filters)
      .filter(([, filter]) => !meetsCondition(row, filter.where))
      .map(([name]) => name);

  it('keeps a confirmed, totalled order of customers Sales maintains', () => {
    expect(passes(header)).toEqual([]);
    expect(passes({ ...header, SalesOrderProcessingStatus: 'Invoiced' })).toEqual([]);
  });

  it('leaves out drafts and active orders, orders without totals and orders of customers F&O maintains', () => {
    expect(passes({ ...header, SalesOrderProcessingStatus: 'Draft' })).toEqual(['confirmedOrLater']);
    expect(passes({ ...header, SalesOrderProcessingStatus: 'Active' })).toEqual(['confirmedOrLater']);
    expect(passes({ ...header, AreTotalsCalculated: 'No' })).toEqual(['totalsCalculated']);
    expect(passes({ ...header, InvoiceCustomerIsExternallyMaintained: 'No' })).toEqual([
      'externallyMaintainedCustomers',
    ]);
    expect(passes({ ...header, OrderingCustomerIsExternallyMaintained: 'No' })).toEqual([
      'externallyMaintainedCustomers',
    ]);
  });
});

describe('OrderLine mapping', () => {
  const lineContext: RecordContext = { key: 'SO-000101|1' };

  it('keys a line by its order and line number', () => {
    expect(task(ORDER_LINE_TASK_ID).naturalKey.compose!(line)).toBe('SO-000101|1');
    expect(task(ORDER_LINE_TASK_ID).naturalKey.compose!({ ...line, SalesOrderNumber: '' })).toBeNull();
  });

  it('maps a line to a Sales order product with a stable id', () => {
    const outcome = mapperFor(ORDER_LINE_TASK_ID).map(line, lineContext);
    expect(outcome).toEqual({
      ok: true,
      row: {
        salesorderdetailid: stableGuid('salesorderdetail', 'SO-000101|1'),
        'salesorderid@odata.bind': "/salesorders(ordernumber='SO-000101')",
        'productid@odata.bind': "/products(productnumber='D0001')",
        'uomid@odata.bind': "/uoms(name='Each')",
        lineitemnumber: 1,
        quantity: 5,
        priceperunit: 250.1,
        tax: null,
        shipto_country: null,
      },
    });
  });

  it('fails a line whose unit has no value map entry, and takes the configured map', () => {
    const missing = mapperFor(ORDER_LINE_TASK_ID).map({ ...line, SalesUnitSymbol: 'box' }, lineContext);
    expect(!missing.ok && missing.error.message).toBe("Unit: no value map entry for 'box'");
    const configured = mapperFor(ORDER_LINE_TASK_ID, { valueMaps: { Unit: { box: 'Box' } } }).map(
      { ...line, SalesUnitSymbol: 'box' },
      lineContext,
    );
    expect(configured.ok && configured.row['uomid@odata.bind']).toBe("/uoms(name='Box')");
  });

  it('fails a line without a unit, saying how to give it one', () => {
    const outcome = mapperFor(ORDER_LINE_TASK_ID).map({ ...line, SalesUnitSymbol: '' }, lineContext);
    expect(!outcome.ok && outcome.error.code).toBe('UNIT_MISSING');
    const defaulted = mapperFor(ORDER_LINE_TASK_ID, { valueMaps: { Unit: { '': 'Each', ea: 'Each' } } }).map(
      { ...line, SalesUnitSymbol: '' },
      lineContext,
    );
    expect(defaulted.ok && defaulted.row['uomid@odata.bind']).toBe("/uoms(name='Each')");
  });
});
