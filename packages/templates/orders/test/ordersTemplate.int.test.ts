import { accountsPlugin } from '@p2c/template-accounts';
import { productsPlugin } from '@p2c/template-products';
import type { SalesTableName } from '@p2c/emulator';
import { startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { ordersPlugin } from '../src/index.js';
import { USD, anOrder, anOrderLine, baseSeed } from './seed.js';

const emulator = useEmulator();

/** Accounts and products synced first, as the template's preconditions ask; then the F&O orders appear. */
async function start(
  orders: Record<string, string | number>[],
  lines: Record<string, string | number>[],
  seed = baseSeed,
) {
  const h = await startHarness(emulator, seed, { plugins: [accountsPlugin, productsPlugin, ordersPlugin] });
  expect((await h.run('accounts')).status).toBe('Completed');
  expect((await h.run('products')).counts.failed).toBe(0);
  for (const order of orders) h.emulator.finops.entity('CDSSalesOrderHeaders').insert(order);
  for (const line of lines) h.emulator.finops.entity('CDSSalesOrderLines').insert(line);
  return h;
}
type H = Awaited<ReturnType<typeof start>>;

const order = (h: H, number: string) => h.emulator.sales.table('salesorders').get(number);
const detailsOf = (h: H, number: string) =>
  h.emulator.sales
    .table('salesorderdetails')
    .list()
    .filter((row) => row['_salesorderid_value'] === order(h, number)?.['salesorderid']);
const idOf = (h: H, table: SalesTableName, key: string, idField: string) =>
  String(h.emulator.sales.table(table).get(key)?.[idField]);
const accountId = (h: H, number: string) =>
  h.emulator.sales.accounts.list().find((a) => a.accountnumber === number)?.accountid;

describe('Sales Orders (Fin and Ops to Sales) through the emulators', () => {
  it('brings a confirmed, totalled order of a customer Sales maintains into Sales with its lines and status', async () => {
    const h = await start(
      [anOrder('SO-1', { SalesOrderProcessingStatus: 'PartiallyShipped' })],
      [anOrderLine('SO-1', 1), anOrderLine('SO-1', 2, { OrderedSalesQuantity: 3 })],
    );

    const run = await h.run('orders');

    expect(run.status).toBe('Completed');
    expect(order(h, 'SO-1')).toMatchObject({
      ordernumber: 'SO-1',
      name: 'Order SO-1',
      _customerid_value: accountId(h, 'ACC-01000-CONTSO'),
      _transactioncurrencyid_value: USD,
      // Without a configured map, USD gets the price list Microsoft's template maps it to.
      _pricelevelid_value: idOf(h, 'pricelevels', 'CRM Service USA (sample)', 'pricelevelid'),
      totalamount: 439.98,
      requestdeliveryby: '2026-03-15',
      msdyn_processingstatus: 192350009,
    });
    const details = detailsOf(h, 'SO-1').sort((a, b) => Number(a['lineitemnumber']) - Number(b['lineitemnumber']));
    expect(details).toEqual([
      expect.objectContaining({
        lineitemnumber: 1,
        quantity: 2,
        priceperunit: 219.99,
        _productid_value: idOf(h, 'products', 'D0001', 'productid'),
        _uomid_value: idOf(h, 'uoms', 'Each', 'uomid'),
      }),
      expect.objectContaining({ lineitemnumber: 2, quantity: 3, priceperunit: 219.99 }),
    ]);
    expect(h).toHaveWrittenOnce('sales', 'salesorders', 'SO-1');
    expect(details).toHaveDefaults({
      _uomid_value: idOf(h, 'uoms', 'Each', 'uomid'),
      _productid_value: idOf(h, 'products', 'D0001', 'productid'),
    });
  });

  it('leaves out drafts, orders without totals and orders invoiced to a customer F&O maintains, with their lines, and says why', async () => {
    const h = await start(
      [
        anOrder('SO-1'),
        anOrder('SO-2', { SalesOrderProcessingStatus: 'Draft' }),
        anOrder('SO-3', { AreTotalsCalculated: 'No' }),
        anOrder('SO-4', { InvoiceCustomerAccountNumber: 'US-001' }),
      ],
      [anOrderLine('SO-1', 1), anOrderLine('SO-2', 1), anOrderLine('SO-3', 1), anOrderLine('SO-4', 1)],
    );

    const run = await h.run('orders');

    expect(run.counts).toMatchObject({ filtered: 6, failed: 0, waiting: 0 });
    expect(
      h.emulator.sales
        .table('salesorders')
        .list()
        .map((row) => row['ordernumber']),
    ).toEqual(['SO-1']);
    expect(h.emulator.sales.table('salesorderdetails').list()).toHaveLength(1);
    const excluded = await h.state.listExclusions(run.runId!, { limit: 100 });
    expect(excluded.map((e) => [e.taskId, e.key, e.rule]).sort()).toEqual([
      ['OrderHeader', 'SO-2', 'confirmedOrLater'],
      ['OrderHeader', 'SO-3', 'totalsCalculated'],
      ['OrderHeader', 'SO-4', 'externallyMaintainedCustomers'],
      ['OrderLine', 'SO-2|1', 'parent:order'],
      ['OrderLine', 'SO-3|1', 'parent:order'],
      ['OrderLine', 'SO-4|1', 'parent:order'],
    ]);
    expect(run).toHaveLeftOut('SO-2', 'confirmedOrLater');
    expect(run).toHaveLeftOut('SO-3', 'totalsCalculated');
    expect(run).toHaveLeftOut('SO-4', 'externallyMaintainedCustomers');
    expect(run).toHaveLeftOut('SO-4|1', 'parent:order');
  });

  it('holds an order back until its customer has synced, then brings it in', async () => {
    // The customer exists in F&O, maintained by Sales, but no Sales account has been synced to it yet.
    const newCustomer = {
      CustomerAccount: 'ACC-01000-NEWONE',
      OrganizationName: 'New One',
      CustomerGroupId: '10',
      IsExternallyMaintained: 'Yes' as const,
    };
    const seed = {
      ...baseSeed,
      finops: { ...baseSeed.finops, customers: [...(baseSeed.finops?.customers ?? []), newCustomer] },
    };
    const h = await start(
      [
        anOrder('SO-7', {
          OrderingCustomerAccountNumber: 'ACC-01000-NEWONE',
          InvoiceCustomerAccountNumber: 'ACC-01000-NEWONE',
        }),
      ],
      [anOrderLine('SO-7', 1)],
      seed,
    );

    const first = await h.run('orders');
    expect(first).toHaveFailedWith('SO-7', {
      code: 'PARENT_NOT_SYNCED',
      message: /customer ACC-01000-NEWONE has not been synced yet/,
    });
    // The line is held back with its order (core counts it failed, not waiting: see the package README).
    expect(first).toHaveFailedWith('SO-7|1', { message: /Its order SO-7/ });
    expect(order(h, 'SO-7')).toBeUndefined();

    h.emulator.sales.accounts.insert({ name: 'New One', accountnumber: 'ACC-01000-NEWONE' });
    await h.run('accounts');
    const second = await h.run('orders');
    expect(second.status).toBe('Completed');
    expect(order(h, 'SO-7')).toMatchObject({ _customerid_value: accountId(h, 'ACC-01000-NEWONE') });
    expect(detailsOf(h, 'SO-7')).toHaveLength(1);
  });

  it('fails an order in a currency Sales does not have and a line whose unit has no value map entry, naming them', async () => {
    const h = await start(
      [anOrder('SO-1'), anOrder('SO-8', { CurrencyCode: 'JPY' })],
      [anOrderLine('SO-1', 1), anOrderLine('SO-1', 2, { SalesUnitSymbol: 'box' })],
    );

    const run = await h.run('orders');

    expect(run.status).toBe('Warning');
    expect(run).toHaveFailedWith('SO-8', { message: /Sales has no currency 'JPY'/ });
    expect(run).toHaveFailedWith('SO-1|2', { message: /Unit: no value map entry for 'box'/ });
    expect(detailsOf(h, 'SO-1')).toHaveLength(1);
  });

  it('writes nothing on a second run when nothing changed in F&O', async () => {
    const h = await start([anOrder('SO-1')], [anOrderLine('SO-1', 1)]);
    await h.run('orders');

    h.emulator.resetRequestCounts();
    const again = await h.run('orders');

    expect(again.status).toBe('Completed');
    expect(h.emulator.requestCounts().sales.writes).toBe(0);
    expect(h).toHaveWrittenOnce('sales', 'salesorders', 'SO-1');
    expect(h).toHaveWrittenOnce('sales', 'salesorderdetails', String(detailsOf(h, 'SO-1')[0]?.['salesorderdetailid']));
  });

  describe("Rules from Microsoft's document", () => {
    it('Is Maintained Externally: set to Yes when the order is coming from Finance and Operations', async () => {
      const h = await start([anOrder('SO-1')], [anOrderLine('SO-1', 1)]);
      h.emulator.sales.table('salesorders').insert({
        ordernumber: 'SO-SALES',
        name: 'Made in Sales',
        'customerid_account@odata.bind': "/accounts(accountnumber='ACC-01000-CONTSO')",
      });

      expect((await h.run('orders')).status).toBe('Completed');

      expect(order(h, 'SO-1')).toMatchObject({ msdyn_isexternallymaintained: true });
      expect(order(h, 'SO-SALES')).toMatchObject({ msdyn_isexternallymaintained: false });
    });

    it('Price list is required to create orders in Sales: the price list per currency comes from the value map, and a currency without an entry fails alone', async () => {
      const h = await start(
        [anOrder('SO-1'), anOrder('SO-9', { CurrencyCode: 'GBP' })],
        [anOrderLine('SO-1', 1), anOrderLine('SO-9', 1)],
      );

      const run = await h.run('orders', {
        settings: { OrderHeader: { valueMaps: { 'pricelevelid@odata.bind': { USD: 'Wholesale USD' } } } },
      });

      expect(order(h, 'SO-1')).toMatchObject({
        _pricelevelid_value: idOf(h, 'pricelevels', 'Wholesale USD', 'pricelevelid'),
      });
      // Sales has a GBP price list, but the map does not name it: the order is not written without one.
      expect(run).toHaveFailedWith('SO-9', { message: /pricelevelid@odata\.bind: no value map entry for 'GBP'/ });
      expect(order(h, 'SO-9')).toBeUndefined();
    });

    it('Price list is required to create orders in Sales: a price list name Sales does not have fails the order, naming it', async () => {
      const h = await start([anOrder('SO-1')], [anOrderLine('SO-1', 1)]);

      const run = await h.run('orders', {
        settings: { OrderHeader: { valueMaps: { 'pricelevelid@odata.bind': { USD: 'Price list USA' } } } },
      });

      expect(run).toHaveFailedWith('SO-1', {
        code: 'NO_PRICE_LIST',
        message: /No active price list in Sales is named 'Price list USA'/,
      });
      expect(order(h, 'SO-1')).toBeUndefined();
    });
  });

  describe('countries and line tax, as the orders document states them', () => {
    // "Ensure that the needed mapping exists in Source > CDS for InvoiceCountryRegionId to
    // BillingAddress_Country and for DeliveryCountryRegionId to DeliveryAddress_Country.
    // Template value is ValueMap with a number of countries mapped." (header and line)
    it("maps F&O's invoice and delivery countries to Sales' billing and delivery countries, header and line", async () => {
      const h = await start(
        [anOrder('SO-1', { InvoiceCountryRegionId: 'USA', DeliveryCountryRegionId: 'DEU' })],
        [anOrderLine('SO-1', 1, { DeliveryCountryRegionId: 'FRA' })],
      );

      expect((await h.run('orders')).status).toBe('Completed');

      expect(order(h, 'SO-1')).toMatchObject({
        billto_country: 'United States of America',
        shipto_country: 'Germany',
      });
      expect(detailsOf(h, 'SO-1')).toEqual([expect.objectContaining({ shipto_country: 'France' })]);
    });

    it("takes the task's configured country value map in place of the template's, and fails alone an order whose country it lacks", async () => {
      const h = await start(
        [
          anOrder('SO-1', { InvoiceCountryRegionId: 'USA', DeliveryCountryRegionId: 'USA' }),
          anOrder('SO-2', { InvoiceCountryRegionId: 'CAN', DeliveryCountryRegionId: 'USA' }),
        ],
        [anOrderLine('SO-1', 1), anOrderLine('SO-2', 1)],
      );
      const usOnly = { USA: 'United States' };

      const run = await h.run('orders', {
        settings: {
          OrderHeader: { valueMaps: { BillingAddressCountry: usOnly, DeliveryAddressCountry: usOnly } },
        },
      });

      expect(order(h, 'SO-1')).toMatchObject({ billto_country: 'United States', shipto_country: 'United States' });
      expect(order(h, 'SO-2')).toBeUndefined();
      // The order fails for its country; its line waits with it, as a line of a failed order does.
      expect(run.failures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'VALUE_MAP_MISS', message: expect.stringContaining("'CAN'") }),
          expect.objectContaining({ code: 'PARENT_FAILED' }),
        ]),
      );
      expect(run.failures).toHaveLength(2);
    });

    // "Tax related to charges at the line level is included."
    it("carries each line's sales tax to the order product, where it adds to the extended amount", async () => {
      const h = await start([anOrder('SO-1')], [anOrderLine('SO-1', 1, { LineTotalTaxAmount: 35.2 })]);

      expect((await h.run('orders')).status).toBe('Completed');

      expect(detailsOf(h, 'SO-1')).toEqual([
        expect.objectContaining({ quantity: 2, priceperunit: 219.99, tax: 35.2, extendedamount: 475.18 }),
      ]);
    });
  });
});
