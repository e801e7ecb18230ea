import { RecordMapper, meetsCondition, taskSettingsSchema, type TaskDefinition, type TaskSettings } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { QUOTE_HEADER_TASK_ID, QUOTE_LINE_TASK_ID, quoteLineKey, quotesTemplate } from './quotesTemplate.js';

const task = (id: string): TaskDefinition => quotesTemplate.tasks.find((t) => t.id === id)!;
const header = task(QUOTE_HEADER_TASK_ID);
const line = task(QUOTE_LINE_TASK_ID);
const mapperFor = (definition: TaskDefinition, settings: Partial<TaskSettings> = {}) =>
  new RecordMapper(
    definition,
    taskSettingsSchema.parse(settings),
    { ORG001: 'usmf' },
    `templates.quotes.tasks.${definition.id}`,
  );

/** A quote as the Dataverse source hands it over: Web API columns plus the joined lookups. */
const quoteRow = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@odata.etag': 'W/"1204"',
  quoteid: '5b0e6ac1-2f4c-4a8e-9d55-0c1f9b2a7e01',
  quotenumber: 'QUO-01000-BVRCPS',
  name: 'Bikes for Contoso',
  requestdeliveryby: '2026-03-15',
  statecode: 1,
  msdyn_hasexternallymaintainedproductsonly: true,
  modifiedon: '2026-01-02T08:30:00Z',
  _customerid_value: '9a1e2b7c-3d4f-4e5a-8b6c-7d8e9f0a1b2c',
  _transactioncurrencyid_value: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  customer_account: { accountnumber: 'ACC-01000-BVRCPS' },
  customer_contact: null,
  transactioncurrencyid: { isocurrencycode: 'EUR' },
  shipto_name: 'Contoso warehouse',
  shipto_line1: '1 Microsoft Way',
  shipto_line2: null,
  shipto_line3: 'Dock 4',
  shipto_city: 'Redmond',
  shipto_stateorprovince: 'WA',
  shipto_postalcode: '98052',
  shipto_country: 'United States',
  ...fields,
});

/** A quote detail as the Dataverse source hands it over, its quote, product and unit joined. */
const detailRow = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@odata.etag': 'W/"1210"',
  quotedetailid: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
  lineitemnumber: 2,
  quantity: 3.5,
  priceperunit: 129.95,
  manualdiscountamount: 5,
  requestdeliveryby: '2026-04-01',
  extendedamount: 454.83,
  modifiedon: '2026-01-02T08:31:00Z',
  _quoteid_value: '5b0e6ac1-2f4c-4a8e-9d55-0c1f9b2a7e01',
  _productid_value: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
  _uomid_value: '2a3b4c5d-6e7f-4081-9283-a4b5c6d7e8f9',
  quoteid: { quotenumber: 'QUO-01000-BVRCPS', statecode: 1, msdyn_hasexternallymaintainedproductsonly: true },
  productid: { productnumber: 'D0001', msdyn_isexternallymaintained: true },
  uomid: { name: 'Each' },
  ...fields,
});

const failedRules = (definition: TaskDefinition, row: Record<string, unknown>) =>
  Object.entries(definition.filters ?? {})
    .filter(([, filter]) => !meetsCondition(row, filter.where))
    .map(([rule]) => rule);

describe('Sales Quotes template', () => {
  it('is the Sales Quotes template, after Products, and Accounts and Contacts to Customer if used', () => {
    expect(quotesTemplate).toMatchObject({
      id: 'quotes',
      preconditions: [
        'products',
        { template: 'accounts', ifUsed: true },
        { template: 'contact-to-customer', ifUsed: true },
        { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
      ],
    });
    expect(quotesTemplate.tasks.map((t) => t.id)).toEqual(['QuoteHeader', 'QuoteLine']);
    expect(header.source.ref.options).toMatchObject({ idField: 'quoteid', changeTracking: false });
    expect(line.source.ref.options).toMatchObject({ idField: 'quotedetailid', changeTracking: false });
  });
});

describe('QuoteHeader mapping', () => {
  it('maps an Active quote of an account to a sales quotation header', () => {
    const mapped = mapperFor(header).map(quoteRow());
    expect(mapped).toEqual({
      ok: true,
      row: {
        dataAreaId: 'usmf',
        SalesQuotationNumber: 'QUO-01000-BVRCPS',
        SalesQuotationName: 'Bikes for Contoso',
        RequestingCustomerAccountNumber: 'ACC-01000-BVRCPS',
        InvoiceCustomerAccountNumber: 'ACC-01000-BVRCPS',
        CurrencyCode: 'EUR',
        RequestedReceiptDate: '2026-03-15T12:00:00Z',
        LanguageId: 'en-us',
        DeliveryAddressName: 'Contoso warehouse',
        DeliveryAddressStreet: '1 Microsoft Way\nDock 4',
        DeliveryAddressCity: 'Redmond',
        DeliveryAddressStateId: 'WA',
        DeliveryAddressZipCode: '98052',
        DeliveryAddressCountryRegionISOCode: 'USA',
      },
    });
  });

  it('fails a ship-to country it cannot resolve, naming it; a blank one stays blank (no template default)', () => {
    const unknown = mapperFor(header).map(quoteRow({ shipto_country: 'Atlantis' }));
    expect(!unknown.ok && unknown.error).toMatchObject({
      code: 'UNKNOWN_COUNTRY',
      field: 'DeliveryAddressCountryRegionISOCode',
    });
    const blank = mapperFor(header).map(quoteRow({ shipto_country: null }));
    expect(blank.ok && blank.row['DeliveryAddressCountryRegionISOCode']).toBeNull();
  });

  it("takes a contact customer's contact number when the customer is a contact", () => {
    const row = quoteRow({ customer_account: null, customer_contact: { msdyn_contactnumber: 'CON-01000-BVRCPS' } });
    const mapped = mapperFor(header).map(row);
    expect(mapped.ok && mapped.row).toMatchObject({
      RequestingCustomerAccountNumber: 'CON-01000-BVRCPS',
      InvoiceCustomerAccountNumber: 'CON-01000-BVRCPS',
    });
  });

  it('defaults the requested date to 2020-01-01, the currency to USD', () => {
    const mapped = mapperFor(header).map(quoteRow({ requestdeliveryby: null, transactioncurrencyid: null }));
    expect(mapped.ok && mapped.row).toMatchObject({
      RequestedReceiptDate: '2020-01-01T12:00:00Z',
      CurrencyCode: 'USD',
    });
  });

  it('lets the configuration change the default date and organization', () => {
    const mapped = mapperFor(header, { defaults: { RequestedDeliveryDate: '2027-06-30' } }).map(
      quoteRow({ requestdeliveryby: '' }),
    );
    expect(mapped.ok && mapped.row['RequestedReceiptDate']).toBe('2027-06-30T12:00:00Z');
  });

  it('fails a quote without a customer number, naming the field', () => {
    const mapped = mapperFor(header).map(quoteRow({ customer_account: null }));
    expect(mapped.ok).toBe(false);
    expect(!mapped.ok && mapped.error.message).toContain('CustomerNumber: a quote needs a customer with a number');
  });

  it('fails a requested date that is not a date, naming the value', () => {
    const mapped = mapperFor(header).map(quoteRow({ requestdeliveryby: 'next week' }));
    expect(!mapped.ok && mapped.error).toMatchObject({ code: 'CANONICAL_INVALID', field: 'RequestedDeliveryDate' });
  });

  it('keeps only Active quotes whose products are all externally maintained', () => {
    expect(failedRules(header, quoteRow())).toEqual([]);
    expect(failedRules(header, quoteRow({ statecode: 0 }))).toEqual(['activeOnly']);
    expect(failedRules(header, quoteRow({ statecode: 2 }))).toEqual(['activeOnly']);
    expect(failedRules(header, quoteRow({ msdyn_hasexternallymaintainedproductsonly: false }))).toEqual([
      'externallyMaintainedProductsOnly',
    ]);
  });

  it('names its customer as an account, else a contact made a customer', () => {
    expect(header.parents).toEqual([
      {
        name: 'customer',
        sourceField: ['customer_account.accountnumber', 'customer_contact.msdyn_contactnumber'],
        tasks: ['accounts/Accounts - Account - Customers', 'contact-to-customer/ContactToCustomer'],
      },
    ]);
  });
});

describe('QuoteLine mapping', () => {
  it("maps a quote detail to a sales quotation line, its unit through the value map, without Sales' price", () => {
    const mapped = mapperFor(line).map(detailRow());
    expect(mapped).toEqual({
      ok: true,
      row: {
        dataAreaId: 'usmf',
        SalesQuotationNumber: 'QUO-01000-BVRCPS',
        LineNumber: 2,
        ProductNumber: 'D0001',
        RequestedSalesQuantity: 3.5,
        LineDiscountAmount: 5,
        SalesUnitSymbol: 'ea',
        RequestedReceiptDate: '2026-04-01T12:00:00Z',
      },
    });
  });

  it("defaults a line's requested date to 2020-01-01 and leaves a line without discount without one", () => {
    const mapped = mapperFor(line).map(detailRow({ requestdeliveryby: null, manualdiscountamount: null }));
    expect(mapped.ok && mapped.row).toMatchObject({
      RequestedReceiptDate: '2020-01-01T12:00:00Z',
      LineDiscountAmount: null,
    });
  });

  it('fails a line whose unit has no value map entry, naming the unit', () => {
    const mapped = mapperFor(line).map(detailRow({ uomid: { name: 'Dozen' } }));
    expect(!mapped.ok && mapped.error).toMatchObject({
      code: 'VALUE_MAP_MISS',
      field: 'SalesUnitSymbol',
      value: 'Dozen',
    });
    expect(!mapped.ok && mapped.error.message).toBe("SalesUnitSymbol: no value map entry for 'Dozen'");
  });

  it("uses the configuration's unit map instead of the template's", () => {
    const mapper = mapperFor(line, { valueMaps: { SalesUnitSymbol: { Dozen: 'dz' } } });
    expect(mapper.map(detailRow({ uomid: { name: 'Dozen' } }))).toMatchObject({
      ok: true,
      row: { SalesUnitSymbol: 'dz' },
    });
    expect(mapper.map(detailRow()).ok).toBe(false);
  });

  it('is keyed by quote number and line number', () => {
    expect(quoteLineKey(detailRow())).toBe('QUO-01000-BVRCPS|2');
    expect(quoteLineKey(detailRow({ quoteid: null }))).toBeNull();
    expect(quoteLineKey(detailRow({ lineitemnumber: null }))).toBeNull();
  });

  it('has no rules of its own: a line follows its quote (left out with it, synced with it)', () => {
    expect(line.filters).toBeUndefined();
  });

  it('names its quote and its product as parents', () => {
    expect(line.parents).toEqual([
      { name: 'quote', sourceField: 'quoteid.quotenumber', tasks: ['quotes/QuoteHeader'] },
      { name: 'product', sourceField: 'productid.productnumber', tasks: ['products/Products'] },
    ]);
  });
});
