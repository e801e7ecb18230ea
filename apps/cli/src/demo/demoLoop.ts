import type { Emulator, EmulatorSeed } from '@p2c/emulator';

/**
 * The quote-to-invoice story the demo tells, beyond the sample accounts: two customers, their
 * contacts, a product catalogue in F&O, then a quote a salesperson makes in Sales, and the order
 * and invoice finance makes of it in F&O. Each part plants one or two problems a user meets.
 */

const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
const GBP = '7a3c2f10-5b1e-4c6a-9d0e-000000000826';

export const STORY_CUSTOMER = 'ACC-00901-CONTSO';
const STORY_SECOND_CUSTOMER = 'ACC-00902-FABRKM';
export const STORY_ORDER = 'SO-000101';
export const STORY_INVOICE = 'INV-000101';
const STORY_DRAFT_ORDER = 'SO-000102';

const account = (accountnumber: string, name: string, city: string) => ({
  name,
  accountnumber,
  address1_line1: '1 Microsoft Way',
  address1_city: city,
  address1_country: 'United States',
  statecode: 0,
  customertypecode: 3,
  paymenttermscode: 1,
  transactioncurrencyid: { isocurrencycode: 'USD' },
  createdon: '2024-06-01T00:00:00Z',
  modifiedon: '2024-06-01T00:00:00Z',
});

const contact = (firstname: string, lastname: string, extra: Record<string, unknown>): Record<string, unknown> => ({
  firstname,
  lastname,
  emailaddress1: `${firstname.toLowerCase()}@example.com`,
  telephone1: '+1 425 555 0100',
  address1_city: 'Redmond',
  address1_country: 'United States',
  'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
  statecode: 0,
  ...extra,
});

const atCompany = (accountnumber: string) => ({
  'parentcustomerid_account@odata.bind': `/accounts(accountnumber='${accountnumber}')`,
});

const product = (
  ProductNumber: string,
  ProductName: string,
  SalesUnitSymbol: string,
  SalesPrice: number,
  extra: Record<string, string> = {},
) => ({
  dataAreaId: 'usmf',
  ProductNumber,
  ItemNumber: ProductNumber,
  ProductName,
  ProductSubtype: 'Product',
  SalesUnitSymbol,
  SalesPrice,
  SalesCurrencyCode: 'USD',
  ItemModelGroupId: 'FIFO',
  ProductGroupId: 'Audio',
  StorageDimensionGroupName: 'SiteWH',
  TrackingDimensionGroupName: 'None',
  IsSalesStopped: 'No',
  ...extra,
});

/** What the story adds to the demo's seed: Sales accounts, contacts, units and price lists; F&O products. */
export function storySeed(): {
  sales: NonNullable<EmulatorSeed['sales']>;
  finops: NonNullable<EmulatorSeed['finops']>;
} {
  return {
    sales: {
      accounts: [
        account(STORY_CUSTOMER, 'Contoso Pharmaceuticals', 'Redmond'),
        account(STORY_SECOND_CUSTOMER, 'Fabrikam Inc', 'Seattle'),
      ],
      uoms: [{ name: 'Each' }, { name: 'Piece' }, { name: 'Hour' }],
      pricelevels: [
        { name: 'Retail USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
        // The list the starter config (and Microsoft's template) maps USD to.
        { name: 'CRM Service USA (sample)', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
        { name: 'Standard USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
        { name: 'Standard GBP', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${GBP})` },
      ],
      contacts: [
        contact('Nancy', 'Davolio', {
          ...atCompany(STORY_CUSTOMER),
          msdyn_contactnumber: 'CON-00901-NANCYD',
          jobtitle: 'Purchasing manager',
          msdyn_isactivecustomer: false,
        }),
        contact('Andrew', 'Fuller', { ...atCompany(STORY_CUSTOMER), jobtitle: 'Buyer', msdyn_isactivecustomer: false }),
        contact('Janet', 'Leverling', {
          ...atCompany(STORY_SECOND_CUSTOMER),
          jobtitle: 'Controller',
          msdyn_isactivecustomer: false,
        }),
        contact('Margaret', 'Peacock', { msdyn_contactnumber: 'CON-00902-MARGPE', msdyn_isactivecustomer: true }),
        contact('Steven', 'Buchanan', { msdyn_isactivecustomer: true }),
        // Neither a customer nor at a company: the Contacts filter leaves him out.
        contact('Michael', 'Suyama', { msdyn_isactivecustomer: false }),
      ],
    },
    finops: {
      ReleasedDistinctProductsV2: [
        product('D0001', 'Mid-range speaker', 'ea', 220),
        product('D0002', 'Speaker cabinet', 'ea', 150),
        product('T0001-BLACK', 'Speaker cable, black', 'pcs', 30, { ItemNumber: 'T0001', ProductSubtype: 'Variant' }),
        product('P0099', 'Installation', 'hr', 95),
        // Planted: no longer sold (left out), sold in euros (no EUR price list in Sales), sold by the box (no unit map).
        product('D0050', 'Discontinued speaker', 'ea', 180, { IsSalesStopped: 'Yes' }),
        product('E0001', 'Speaker stand (EU)', 'ea', 40, { SalesCurrencyCode: 'EUR' }),
        product('X0001', 'Screws', 'box', 12),
      ],
    },
  };
}

/** A salesperson quotes Contoso two products and activates the quote. Returns its number. */
export function salespersonQuotes(emulator: Emulator): string {
  const quotes = emulator.sales.table('quotes');
  const quote = quotes.insert({
    name: 'Speakers for the Redmond office',
    'customerid_account@odata.bind': `/accounts(accountnumber='${STORY_CUSTOMER}')`,
    'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
    statecode: 0,
    // F&O requires the quotation's delivery country/region.
    shipto_line1: '1 Microsoft Way',
    shipto_city: 'Redmond',
    shipto_stateorprovince: 'WA',
    shipto_postalcode: '98052',
    shipto_country: 'United States',
  });
  const quoteNumber = String(quote['quotenumber']);
  const details = emulator.sales.table('quotedetails');
  const line = (lineitemnumber: number, productnumber: string, quantity: number, priceperunit: number) =>
    details.insert({
      'quoteid@odata.bind': `/quotes(quotenumber='${quoteNumber}')`,
      'productid@odata.bind': `/products(productnumber='${productnumber}')`,
      'uomid@odata.bind': "/uoms(name='Each')",
      lineitemnumber,
      quantity,
      priceperunit,
    });
  line(1, 'D0001', 4, 220);
  line(2, 'D0002', 4, 150);
  quotes.update(String(quote['quoteid']), { statecode: 1 });
  return quoteNumber;
}

/**
 * Finance confirms the quotation in F&O as a sales order, totals it, ships and invoices it; a
 * second order stays a draft (the Sales Orders filter leaves it out).
 */
export function financeInvoicesQuote(emulator: Emulator, quoteNumber: string): void {
  const quotation = emulator.finops
    .entity('SalesQuotationHeadersV2')
    .get({ dataAreaId: 'usmf', SalesQuotationNumber: quoteNumber });
  if (!quotation) throw new Error(`The quotation ${quoteNumber} is not in F&O: the quotes template did not sync it`);
  const lines = emulator.finops
    .entity('SalesQuotationLines')
    .list()
    .filter((line) => String(line['SalesQuotationNumber']).toUpperCase() === quoteNumber.toUpperCase());
  const total = lines.reduce(
    (sum, line) => sum + Number(line['RequestedSalesQuantity']) * Number(line['SalesPrice']),
    0,
  );
  const customer = String(quotation['RequestingCustomerAccountNumber']);
  const orders = emulator.finops.entity('CDSSalesOrderHeaders');
  const text = (field: string) => String(quotation[field] ?? '');
  // F&O's country/region id of the quotation's delivery address (the demo's customers are in the US).
  const country = text('DeliveryAddressCountryRegionISOCode') || 'USA';
  const header = (SalesOrderNumber: string, status: string) =>
    orders.insert({
      dataAreaId: 'usmf',
      SalesOrderNumber,
      SalesOrderName: text('SalesQuotationName') || quoteNumber,
      OrderingCustomerAccountNumber: customer,
      InvoiceCustomerAccountNumber: customer,
      CurrencyCode: text('CurrencyCode'),
      RequestedReceiptDate: text('RequestedReceiptDate'),
      SalesOrderProcessingStatus: status,
      AreTotalsCalculated: 'Yes',
      TotalAmount: total,
      QuotationNumber: quoteNumber,
      InvoiceCountryRegionId: country,
      DeliveryCountryRegionId: country,
    });
  header(STORY_ORDER, 'Invoiced');
  header(STORY_DRAFT_ORDER, 'Draft');
  const invoice = {
    dataAreaId: 'usmf',
    InvoiceNumber: STORY_INVOICE,
    InvoiceDate: '2026-11-25T12:00:00Z',
    SalesOrderNumber: STORY_ORDER,
    InvoiceCustomerAccountNumber: customer,
    CurrencyCode: text('CurrencyCode'),
    TotalInvoiceAmount: total,
    InvoiceAddressCountryRegionId: country,
  };
  emulator.finops.entity('SalesInvoiceHeadersV2').insert(invoice);
  for (const [index, line] of lines.entries()) {
    const common = {
      dataAreaId: 'usmf',
      LineNumber: index + 1,
      ProductNumber: line['ProductNumber'],
      SalesPrice: line['SalesPrice'],
      SalesUnitSymbol: line['SalesUnitSymbol'],
    };
    emulator.finops.entity('CDSSalesOrderLines').insert({
      ...common,
      SalesOrderNumber: STORY_ORDER,
      OrderedSalesQuantity: line['RequestedSalesQuantity'],
      DeliveryCountryRegionId: country,
    });
    emulator.finops
      .entity('SalesInvoiceLinesV2')
      .insert({ ...common, InvoiceNumber: STORY_INVOICE, InvoicedQuantity: line['RequestedSalesQuantity'] });
  }
}
