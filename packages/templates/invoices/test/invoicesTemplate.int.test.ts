import type { SalesTableName } from '@p2c/emulator';
import { accountsPlugin } from '@p2c/template-accounts';
import { ordersPlugin } from '@p2c/template-orders';
import { productsPlugin } from '@p2c/template-products';
import '@p2c/testing/matchers';
import { startHarness, useEmulator } from '@p2c/testing';
import { describe, expect, it } from 'vitest';
import { invoicesPlugin } from '../src/index.js';
import { USD, anInvoice, anInvoiceLine, anOrder, anOrderLine, baseSeed } from './seed.js';

const emulator = useEmulator();

/** Accounts, products and order SO-1 synced first, as the template's preconditions ask. */
async function start() {
  const h = await startHarness(emulator, baseSeed, {
    plugins: [accountsPlugin, productsPlugin, ordersPlugin, invoicesPlugin],
  });
  expect((await h.run('accounts')).status).toBe('Completed');
  expect((await h.run('products')).counts.failed).toBe(0);
  h.emulator.finops.entity('CDSSalesOrderHeaders').insert(anOrder('SO-1'));
  h.emulator.finops.entity('CDSSalesOrderLines').insert(anOrderLine('SO-1', 1));
  expect((await h.run('orders')).status).toBe('Completed');
  return h;
}
type H = Awaited<ReturnType<typeof start>>;

const addInvoice = (h: H, invoice: Record<string, string | number>, lines: Record<string, string | number>[] = []) => {
  h.emulator.finops.entity('SalesInvoiceHeadersV2').insert(invoice);
  for (const line of lines) h.emulator.finops.entity('SalesInvoiceLinesV2').insert(line);
};
const row = (h: H, table: SalesTableName, key: string) => h.emulator.sales.table(table).get(key);
const idOf = (h: H, table: SalesTableName, key: string, idField: string) => String(row(h, table, key)?.[idField]);
// Invoiced by its processing status; the order stays Active so F&O's later changes still flow.
const INVOICED = { msdyn_processingstatus: 192350004, statecode: 0 };

describe('Sales Invoices (Fin and Ops to Sales) through the emulators', () => {
  it('brings an invoice in against its order, with its lines, and the order shows Invoiced', async () => {
    const h = await start();
    expect(row(h, 'salesorders', 'SO-1')).toMatchObject({ msdyn_processingstatus: 192350002, statecode: 0 });
    addInvoice(h, anInvoice('INV-1', 'SO-1'), [anInvoiceLine('INV-1', 1)]);

    const run = await h.run('invoices');

    expect(run.status).toBe('Completed');
    expect(row(h, 'invoices', 'INV-1')).toMatchObject({
      invoicenumber: 'INV-1',
      name: 'INV-1',
      _customerid_value: h.emulator.sales.accounts.list().find((a) => a.accountnumber === 'ACC-01000-CONTSO')
        ?.accountid,
      _salesorderid_value: idOf(h, 'salesorders', 'SO-1', 'salesorderid'),
      _transactioncurrencyid_value: USD,
      _pricelevelid_value: idOf(h, 'pricelevels', 'CRM Service USA (sample)', 'pricelevelid'),
      totalamount: 439.98,
      duedate: '2026-04-02',
    });
    expect(h.emulator.sales.table('invoicedetails').list()).toEqual([
      expect.objectContaining({
        _invoiceid_value: idOf(h, 'invoices', 'INV-1', 'invoiceid'),
        _productid_value: idOf(h, 'products', 'D0001', 'productid'),
        _uomid_value: idOf(h, 'uoms', 'Each', 'uomid'),
        lineitemnumber: 1,
        quantity: 2,
        priceperunit: 219.99,
      }),
    ]);
    expect(row(h, 'salesorders', 'SO-1')).toMatchObject(INVOICED);
  });

  it('leaves out an invoice of a customer F&O maintains, saying why', async () => {
    const h = await start();
    addInvoice(h, anInvoice('INV-3', '', { InvoiceCustomerAccountNumber: 'US-001' }), [anInvoiceLine('INV-3', 1)]);

    const run = await h.run('invoices');

    expect(row(h, 'invoices', 'INV-3')).toBeUndefined();
    expect(h.emulator.sales.table('invoicedetails').list()).toEqual([]);
    const excluded = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(excluded.map((e) => [e.taskId, e.key, e.rule]).sort()).toEqual([
      ['SalesInvoiceHeader', 'INV-3', 'externallyMaintainedCustomer'],
      ['SalesInvoiceLine', 'INV-3|1', 'parent:invoice'],
      ['SalesInvoiceOrderStatus', 'INV-3', 'externallyMaintainedCustomer'],
    ]);
    expect(run).toHaveLeftOut('INV-3', 'externallyMaintainedCustomer');
    expect(run).toHaveLeftOut('INV-3|1', 'parent:invoice');
  });

  it('brings in an invoice without an order and leaves the order status alone', async () => {
    const h = await start();
    addInvoice(h, anInvoice('INV-4', ''));

    const run = await h.run('invoices');

    expect(run.status).toBe('Completed');
    expect(row(h, 'invoices', 'INV-4')).toMatchObject({ _salesorderid_value: null });
    expect(row(h, 'salesorders', 'SO-1')).toMatchObject({ msdyn_processingstatus: 192350002, statecode: 0 });
  });

  it('holds back an invoice whose order has not synced yet, then brings it in once the order has', async () => {
    const h = await start();
    h.emulator.finops.entity('CDSSalesOrderHeaders').insert(anOrder('SO-2'));
    addInvoice(h, anInvoice('INV-2', 'SO-2'), [anInvoiceLine('INV-2', 1)]);

    const first = await h.run('invoices');
    expect(first).toHaveFailedWith('INV-2', {
      taskId: 'SalesInvoiceHeader',
      code: 'PARENT_NOT_SYNCED',
      message: /order SO-2 has not been synced yet/,
    });
    expect(row(h, 'invoices', 'INV-2')).toBeUndefined();
    expect(h.emulator.sales.table('invoicedetails').list()).toEqual([]);

    await h.run('orders');
    const second = await h.run('invoices');

    expect(second.status).toBe('Completed');
    expect(row(h, 'invoices', 'INV-2')).toMatchObject({
      _salesorderid_value: idOf(h, 'salesorders', 'SO-2', 'salesorderid'),
    });
    expect(h.emulator.sales.table('invoicedetails').list()).toHaveLength(1);
    expect(row(h, 'salesorders', 'SO-2')).toMatchObject(INVOICED);
  });

  it('writes nothing on a second run, and the orders template does not undo the invoiced status', async () => {
    const h = await start();
    addInvoice(h, anInvoice('INV-1', 'SO-1'), [anInvoiceLine('INV-1', 1)]);
    await h.run('invoices');

    h.emulator.resetRequestCounts();
    const again = await h.run('invoices');
    const orders = await h.run('orders');

    expect(again.status).toBe('Completed');
    expect(orders.status).toBe('Completed');
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
    expect(row(h, 'salesorders', 'SO-1')).toMatchObject(INVOICED);
    expect(h).toHaveWrittenOnce('sales', 'invoices', 'INV-1');
  });

  describe("Rules from Microsoft's document", () => {
    it('The Sales order status changes automatically to Invoiced when the related invoice has been synchronized, and the order remains active so that changes from Finance and Operations can flow', async () => {
      const h = await start();
      addInvoice(h, anInvoice('INV-1', 'SO-1'), [anInvoiceLine('INV-1', 1)]);
      expect((await h.run('invoices')).status).toBe('Completed');
      expect(row(h, 'salesorders', 'SO-1')).toMatchObject({ msdyn_processingstatus: 192350004, statecode: 0 });

      // F&O changes the order after invoicing it (a charge added, the total recalculated).
      h.emulator.finops
        .entity('CDSSalesOrderHeaders')
        .update({ SalesOrderNumber: 'SO-1' }, { TotalAmount: 489.98, SalesOrderProcessingStatus: 'Invoiced' });
      const orders = await h.run('orders');

      expect(orders.status).toBe('Completed');
      expect(row(h, 'salesorders', 'SO-1')).toMatchObject({
        totalamount: 489.98,
        msdyn_processingstatus: 192350004,
        statecode: 0,
      });
    });

    it('Price list is required to create invoices in Sales: the price list per currency comes from the value map, and a currency without an entry fails alone', async () => {
      const h = await start();
      addInvoice(h, anInvoice('INV-1', 'SO-1'));
      addInvoice(h, anInvoice('INV-9', '', { CurrencyCode: 'GBP' }));

      const run = await h.run('invoices', {
        settings: { SalesInvoiceHeader: { valueMaps: { 'pricelevelid@odata.bind': { USD: 'Wholesale USD' } } } },
      });

      expect(row(h, 'invoices', 'INV-1')).toMatchObject({
        _pricelevelid_value: idOf(h, 'pricelevels', 'Wholesale USD', 'pricelevelid'),
      });
      expect(run).toHaveFailedWith('INV-9', { message: /pricelevelid@odata\.bind: no value map entry for 'GBP'/ });
      expect(row(h, 'invoices', 'INV-9')).toBeUndefined();
    });

    it('The owner of the sales order from which the invoice was created is assigned as the owner of the invoice', async () => {
      const h = await start();
      h.emulator.finops.entity('CDSSalesOrderHeaders').insert(anOrder('SO-2'));
      expect((await h.run('orders')).status).toBe('Completed');
      // In Sales, a salesperson owns SO-1 and a team SO-2.
      const user = h.emulator.sales
        .table('systemusers')
        .insert({ fullname: 'Alex Wu', domainname: 'alex@contoso.com' });
      const team = h.emulator.sales.table('teams').insert({ name: 'Key accounts' });
      const owned = (number: string, bind: string) =>
        h.emulator.sales
          .table('salesorders')
          .update(idOf(h, 'salesorders', number, 'salesorderid'), { 'ownerid@odata.bind': bind });
      owned('SO-1', `/systemusers(${String(user['systemuserid'])})`);
      owned('SO-2', `/teams(${String(team['teamid'])})`);
      addInvoice(h, anInvoice('INV-1', 'SO-1'));
      addInvoice(h, anInvoice('INV-2', 'SO-2'));
      addInvoice(h, anInvoice('INV-4', ''));

      const run = await h.run('invoices');

      expect(run.status).toBe('Completed');
      expect(row(h, 'invoices', 'INV-1')).toMatchObject({ _ownerid_value: user['systemuserid'] });
      expect(row(h, 'invoices', 'INV-2')).toMatchObject({ _ownerid_value: team['teamid'] });
      // No order, no owner to take: Sales keeps its own.
      expect(row(h, 'invoices', 'INV-4')).toMatchObject({ _ownerid_value: null });
    });
  });

  describe('billing country and line tax, as the invoices document states them', () => {
    // "Ensure that the needed mapping exists in Source > CDS for InvoiceCountryRegionId to
    // BillingAddress_Country. Template value is ValueMap with a number of countries mapped."
    it("maps F&O's invoice address country to the invoice's billing country, and each line's tax", async () => {
      const h = await start();
      addInvoice(h, anInvoice('INV-1', 'SO-1', { InvoiceAddressCountryRegionId: 'GBR' }), [
        anInvoiceLine('INV-1', 1, { LineTotalTaxAmount: 44 }),
      ]);

      expect((await h.run('invoices')).status).toBe('Completed');

      expect(row(h, 'invoices', 'INV-1')).toMatchObject({
        billto_country: 'United Kingdom',
      });
      expect(h.emulator.sales.table('invoicedetails').list()).toEqual([expect.objectContaining({ tax: 44 })]);
    });

    it("takes the task's configured country value map in place of the template's", async () => {
      const h = await start();
      addInvoice(h, anInvoice('INV-1', 'SO-1', { InvoiceAddressCountryRegionId: 'GBR' }), [anInvoiceLine('INV-1', 1)]);

      const run = await h.run('invoices', {
        settings: { SalesInvoiceHeader: { valueMaps: { BillingAddressCountry: { GBR: 'Great Britain' } } } },
      });

      expect(run.status).toBe('Completed');
      expect(row(h, 'invoices', 'INV-1')).toMatchObject({ billto_country: 'Great Britain' });
    });
  });
});
