import { Emulator } from '@p2c/emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  atAccount,
  atContact,
  atCurrency,
  currencyId,
  finopsCustomer,
  finopsInvoice,
  finopsInvoiceLine,
  finopsReleasedProduct,
  finopsSalesOrder,
  finopsSalesOrderLine,
  resetBuilders,
  salesAccount,
  salesContact,
  salesPriceList,
  salesProduct,
  salesQuote,
  salesQuoteDetail,
  salesUnit,
} from '../src/index.js';

beforeEach(() => resetBuilders());

describe('builders', () => {
  it('give every row unique keys, shaped like the real ones', () => {
    const accounts = Array.from({ length: 30 }, () => salesAccount());
    const contacts = Array.from({ length: 30 }, () => salesContact());
    const numbers = [...accounts.map((row) => row.accountnumber), ...contacts.map((row) => row['msdyn_contactnumber'])];
    expect(new Set(numbers).size).toBe(60);
    expect(new Set(accounts.map((row) => row.accountid)).size).toBe(30);
    expect(accounts[0]!.accountnumber).toMatch(/^ACC-01000-T[A-Z]{5}$/);
    expect(contacts[0]!['msdyn_contactnumber']).toMatch(/^CON-01000-T[A-Z]{5}$/);
    expect(new Set([finopsCustomer(), finopsCustomer()].map((row) => row.CustomerAccount)).size).toBe(2);
    expect(new Set([finopsReleasedProduct(), finopsReleasedProduct()].map((row) => row['ProductNumber'])).size).toBe(2);
  });

  it('start the keys afresh after resetBuilders()', () => {
    const first = salesAccount().accountnumber;
    salesAccount();
    resetBuilders();
    expect(salesAccount().accountnumber).toBe(first);
  });

  it('apply overrides, and leave a column out when its override is undefined', () => {
    const contact = salesContact({ firstname: 'Nancy', msdyn_contactnumber: undefined });
    expect(contact['firstname']).toBe('Nancy');
    expect(contact).not.toHaveProperty('msdyn_contactnumber');
    expect(finopsReleasedProduct({ ProductNumber: 'D0001' })).toMatchObject({
      ProductNumber: 'D0001',
      ItemNumber: 'D0001',
      ProductName: 'Product D0001',
    });
  });

  it('bind by alternate key, by id when a row has no key, and currencies by ISO code', () => {
    const withoutNumber = salesAccount({ accountnumber: undefined });
    expect(atAccount('ACC-1')).toBe("/accounts(accountnumber='ACC-1')");
    expect(atAccount("O'Brien")).toBe("/accounts(accountnumber='O''Brien')");
    expect(atAccount(withoutNumber)).toBe(`/accounts(${String(withoutNumber.accountid)})`);
    expect(atContact(salesContact({ msdyn_contactnumber: 'CON-9' }))).toBe("/contacts(msdyn_contactnumber='CON-9')");
    expect(atCurrency('usd')).toBe(`/transactioncurrencies(${currencyId('USD')})`);
    expect(() => atCurrency('XXX')).toThrow(/no default currency 'XXX'/);
  });

  it('number lines 1, 2, 3 per document', () => {
    const order = finopsSalesOrder('C-1');
    const other = finopsSalesOrder('C-1');
    expect(
      [finopsSalesOrderLine(order, 'D1'), finopsSalesOrderLine(order, 'D1'), finopsSalesOrderLine(other, 'D1')].map(
        (line) => [line['SalesOrderNumber'], line['LineNumber']],
      ),
    ).toEqual([
      [order['SalesOrderNumber'], 1],
      [order['SalesOrderNumber'], 2],
      [other['SalesOrderNumber'], 1],
    ]);
  });

  it('build rows the emulator takes as a seed, binds and references resolved', () => {
    const company = salesAccount();
    const customer = finopsCustomer();
    const product = finopsReleasedProduct();
    const quote = salesQuote(company);
    const order = finopsSalesOrder(customer);
    const invoice = finopsInvoice(customer, { SalesOrderNumber: String(order['SalesOrderNumber']) });
    const emulator = new Emulator({
      sales: {
        accounts: [company],
        contacts: [salesContact({ 'parentcustomerid_account@odata.bind': atAccount(company) })],
        uoms: [salesUnit({ name: 'Each' }), salesUnit()],
        pricelevels: [salesPriceList()],
        products: [salesProduct({ productnumber: 'D0001' })],
        quotes: [quote],
        quotedetails: [salesQuoteDetail(quote, 'D0001'), salesQuoteDetail(quote, 'D0001', { quantity: 3 })],
      },
      finops: {
        customerGroups: ['10'],
        customers: [customer],
        ReleasedDistinctProductsV2: [product],
        CDSSalesOrderHeaders: [order],
        CDSSalesOrderLines: [finopsSalesOrderLine(order, product)],
        SalesInvoiceHeadersV2: [invoice],
        SalesInvoiceLinesV2: [finopsInvoiceLine(invoice, product)],
      },
    });

    const contact = emulator.sales.table('contacts').list()[0]!;
    expect(contact['_parentcustomerid_value']).toBe(company.accountid);
    expect(emulator.sales.table('quotes').get(String(quote['quotenumber']))).toMatchObject({
      totalamount: 500,
      _customerid_value: company.accountid,
    });
    expect(emulator.finops.entity('CDSSalesOrderLines').list()).toEqual([
      expect.objectContaining({ LineNumber: 1, LineAmount: 200 }),
    ]);
    expect(emulator.finops.entity('SalesInvoiceLinesV2').list()).toHaveLength(1);
  });
});
