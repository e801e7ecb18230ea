import { RecordMapper, meetsCondition, stableGuid, type RecordContext, type TaskDefinition } from '@p2c/core';
import { P2C_TASKS } from '@p2c/prospect-to-cash';
import { describe, expect, it } from 'vitest';
import {
  INVOICE_HEADER_TASK_ID,
  INVOICE_LINE_TASK_ID,
  INVOICE_ORDER_STATUS_TASK_ID,
  invoicesTemplate,
} from './invoicesTemplate.js';

const task = (id: string): TaskDefinition => invoicesTemplate.tasks.find((t) => t.id === id)!;
const mapperFor = (id: string) => new RecordMapper(task(id), { defaults: {}, valueMaps: {} }, {}, `tasks.${id}`);

const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
const context: RecordContext = {
  key: 'CIV-000042',
  parents: {
    customer: { taskKey: P2C_TASKS.accounts.customers, key: 'ACC-01000-BVRCPS' },
    order: { taskKey: 'orders/OrderHeader', key: 'SO-000101' },
  },
  references: {
    currencies: [{ transactioncurrencyid: USD, isocurrencycode: 'USD' }],
    priceLists: [
      {
        pricelevelid: 'b0000000-0000-4000-8000-000000000001',
        name: 'CRM Service USA (sample)',
        statecode: 0,
        transactioncurrencyid: { isocurrencycode: 'USD' },
      },
    ],
    orderOwners: [
      { salesorderid: 'c1', ordernumber: 'SO-000101', _ownerid_value: 'a0000000-0000-4000-8000-00000000000a' },
    ],
    systemUsers: [{ systemuserid: 'a0000000-0000-4000-8000-00000000000a', fullname: 'Alex Wu' }],
  },
};

/** A `SalesInvoiceHeadersV2` row as F&O's OData returns it. */
const header = {
  '@odata.etag': 'W/"JzEsNTYzNzE0NDU3Nyc="',
  dataAreaId: 'usmf',
  InvoiceNumber: 'CIV-000042',
  InvoiceDate: '2026-04-02T12:00:00Z',
  SalesOrderNumber: 'SO-000101',
  InvoiceCustomerAccountNumber: 'ACC-01000-BVRCPS',
  CurrencyCode: 'USD',
  TotalInvoiceAmount: 1250.5,
  InvoiceCustomerIsExternallyMaintained: 'Yes',
};

/** A `SalesInvoiceLinesV2` row. */
const line = {
  dataAreaId: 'usmf',
  InvoiceNumber: 'CIV-000042',
  LineNumber: 1,
  ProductNumber: 'D0001',
  InvoicedQuantity: 5,
  SalesPrice: 250.1,
  SalesUnitSymbol: 'pcs',
  LineAmount: 1250.5,
};

describe('SalesInvoiceHeader mapping', () => {
  it('maps an F&O invoice to a Sales invoice of its customer and order', () => {
    expect(mapperFor(INVOICE_HEADER_TASK_ID).map(header, context)).toEqual({
      ok: true,
      row: {
        invoicenumber: 'CIV-000042',
        name: 'CIV-000042',
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-01000-BVRCPS')",
        'customerid_contact@odata.bind': null,
        'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
        'pricelevelid@odata.bind': '/pricelevels(b0000000-0000-4000-8000-000000000001)',
        'salesorderid@odata.bind': "/salesorders(ordernumber='SO-000101')",
        'ownerid@odata.bind': '/systemusers(a0000000-0000-4000-8000-00000000000a)',
        totalamount: 1250.5,
        duedate: '2026-04-02',
        billto_country: null,
      },
    });
  });

  it('leaves the order out of an invoice that has none', () => {
    const outcome = mapperFor(INVOICE_HEADER_TASK_ID).map({ ...header, SalesOrderNumber: '' }, context);
    expect(outcome.ok && outcome.row['salesorderid@odata.bind']).toBeNull();
  });

  it('fails an invoice without a date, naming the field', () => {
    const outcome = mapperFor(INVOICE_HEADER_TASK_ID).map({ ...header, InvoiceDate: null }, context);
    expect(!outcome.ok && outcome.error.message).toContain('InvoiceDate');
  });

  it('keeps only invoices of customers Sales maintains', () => {
    const { where } = task(INVOICE_HEADER_TASK_ID).filters!['externallyMaintainedCustomer']!;
    expect(meetsCondition(header, where)).toBe(true);
    expect(meetsCondition({ ...header, InvoiceCustomerIsExternallyMaintained: 'No' }, where)).toBe(false);
  });
});

describe('SalesInvoiceLine mapping', () => {
  it('maps a line to a Sales invoice product with a stable id', () => {
    expect(mapperFor(INVOICE_LINE_TASK_ID).map(line, { key: 'CIV-000042|1' })).toEqual({
      ok: true,
      row: {
        invoicedetailid: stableGuid('invoicedetail', 'CIV-000042|1'),
        'invoiceid@odata.bind': "/invoices(invoicenumber='CIV-000042')",
        'productid@odata.bind': "/products(productnumber='D0001')",
        'uomid@odata.bind': "/uoms(name='Piece')",
        lineitemnumber: 1,
        quantity: 5,
        priceperunit: 250.1,
        tax: null,
      },
    });
  });
});

describe('SalesInvoiceOrderStatus mapping', () => {
  it('marks the invoice order Invoiced in Sales', () => {
    expect(mapperFor(INVOICE_ORDER_STATUS_TASK_ID).map(header, context)).toEqual({
      ok: true,
      row: { ordernumber: 'SO-000101', msdyn_processingstatus: 192350004 },
    });
  });

  it('only looks at invoices of an order whose customer Sales maintains', () => {
    const filters = task(INVOICE_ORDER_STATUS_TASK_ID).filters!;
    expect(meetsCondition({ ...header, SalesOrderNumber: ' ' }, filters['hasOrder']!.where)).toBe(false);
    expect(meetsCondition(header, filters['hasOrder']!.where)).toBe(true);
    expect(
      meetsCondition(
        { ...header, InvoiceCustomerIsExternallyMaintained: 'No' },
        filters['externallyMaintainedCustomer']!.where,
      ),
    ).toBe(false);
  });
});
