import type { EmulatorSeed } from '@p2c/emulator';

export const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';

/** Two Sales accounts (to become F&O customers), units, USD price lists and one sellable F&O product. */
export const baseSeed: EmulatorSeed = {
  sales: {
    accounts: [
      { name: 'Contoso', accountnumber: 'ACC-01000-CONTSO' },
      { name: 'Fabrikam', accountnumber: 'ACC-01000-FABRKM' },
    ],
    uoms: [{ name: 'Each' }, { name: 'Piece' }, { name: 'Hour' }],
    pricelevels: [
      { name: 'Wholesale USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
      { name: 'Retail USD', 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})` },
    ],
  },
  finops: {
    customers: [{ CustomerAccount: 'US-001', OrganizationName: 'Fourth Coffee', CustomerGroupId: '10', SalesCurrencyCode: 'USD' }],
    ReleasedDistinctProductsV2: [
      {
        ProductNumber: 'D0001',
        ItemNumber: 'D0001',
        ProductName: 'Mid-range speaker',
        ProductSubtype: 'Product',
        SalesUnitSymbol: 'ea',
        SalesPrice: 219.99,
        SalesCurrencyCode: 'USD',
        IsSalesStopped: 'No',
      },
    ],
  },
};

type Row = Record<string, string | number>;

/** A `CDSSalesOrderHeaders` row: confirmed, totalled, ordered and invoiced to Contoso, in USD. */
export function anOrder(number: string, overrides: Row = {}): Row {
  return {
    dataAreaId: 'usmf',
    SalesOrderNumber: number,
    SalesOrderName: `Order ${number}`,
    OrderingCustomerAccountNumber: 'ACC-01000-CONTSO',
    InvoiceCustomerAccountNumber: 'ACC-01000-CONTSO',
    CurrencyCode: 'USD',
    RequestedReceiptDate: '2026-03-15T12:00:00Z',
    SalesOrderProcessingStatus: 'Confirmed',
    AreTotalsCalculated: 'Yes',
    TotalAmount: 439.98,
    ...overrides,
  };
}

/** A `CDSSalesOrderLines` row: two D0001 speakers by the each. */
export function anOrderLine(order: string, line: number, overrides: Row = {}): Row {
  return {
    dataAreaId: 'usmf',
    SalesOrderNumber: order,
    LineNumber: line,
    ProductNumber: 'D0001',
    OrderedSalesQuantity: 2,
    SalesPrice: 219.99,
    SalesUnitSymbol: 'ea',
    ...overrides,
  };
}

/** A `SalesInvoiceHeadersV2` row: Contoso's invoice of an order, in USD. */
export function anInvoice(number: string, order: string, overrides: Row = {}): Row {
  return {
    dataAreaId: 'usmf',
    InvoiceNumber: number,
    InvoiceDate: '2026-04-02T12:00:00Z',
    SalesOrderNumber: order,
    InvoiceCustomerAccountNumber: 'ACC-01000-CONTSO',
    CurrencyCode: 'USD',
    TotalInvoiceAmount: 439.98,
    ...overrides,
  };
}

/** A `SalesInvoiceLinesV2` row: two D0001 speakers by the each. */
export function anInvoiceLine(invoice: string, line: number, overrides: Row = {}): Row {
  return {
    dataAreaId: 'usmf',
    InvoiceNumber: invoice,
    LineNumber: line,
    ProductNumber: 'D0001',
    InvoicedQuantity: 2,
    SalesPrice: 219.99,
    SalesUnitSymbol: 'ea',
    ...overrides,
  };
}
