import type { SeedCustomer } from '@p2c/emulator';
import { nextLineNumber, nextNumber, padded, withOverrides } from './sequence.js';

/** A data entity seed row (`finops.<EntitySet>`): string, number or NoYes (`'Yes'`/`'No'`) values. */
export type FinOpsRow = Record<string, string | number>;
/** Fields over the defaults; `undefined` leaves a field out. */
export type FinOpsOverrides = Readonly<Record<string, string | number | undefined>>;

/** A customer account, from a seed row built earlier (F&O customer or Sales account) or as given. */
export type CustomerTarget = string | { readonly CustomerAccount: string } | { readonly accountnumber?: string | null };

function customerAccountOf(customer: CustomerTarget): string {
  if (typeof customer === 'string') return customer;
  if ('CustomerAccount' in customer) return customer.CustomerAccount;
  if (customer.accountnumber) return customer.accountnumber;
  throw new Error('The customer row has no CustomerAccount or accountnumber');
}

function keyOf(target: string | Readonly<Record<string, unknown>>, field: string): string {
  if (typeof target === 'string') return target;
  const value = target[field];
  if (typeof value !== 'string') throw new Error(`The row has no ${field}`);
  return value;
}

/** A CustomersV3 seed row (`finops.customers`): an organization in group 10, in USD, with a unique account. */
export function finopsCustomer(overrides: Partial<SeedCustomer> = {}): SeedCustomer {
  const n = nextNumber();
  return withOverrides<SeedCustomer>(
    {
      dataAreaId: 'usmf',
      CustomerAccount: `CUS-${padded(n)}`,
      OrganizationName: `Customer ${n}`,
      PartyType: 'Organization',
      CustomerGroupId: '10',
      SalesCurrencyCode: 'USD',
    },
    overrides,
  );
}

/** A `ReleasedDistinctProductsV2` row: sellable, sold by the each (`ea`) at 100 USD, with a unique product number. */
export function finopsReleasedProduct(overrides: FinOpsOverrides = {}): FinOpsRow {
  const n = nextNumber();
  const number = typeof overrides['ProductNumber'] === 'string' ? overrides['ProductNumber'] : `P${padded(n, 6)}`;
  return withOverrides<FinOpsRow>(
    {
      dataAreaId: 'usmf',
      ProductNumber: number,
      ItemNumber: number,
      ProductName: `Product ${number}`,
      ProductDescription: `The ${number}`,
      ProductSubtype: 'Product',
      SalesUnitSymbol: 'ea',
      SalesPrice: 100,
      SalesCurrencyCode: 'USD',
      ItemModelGroupId: 'FIFO',
      ProductGroupId: 'Audio',
      StorageDimensionGroupName: 'SiteWH',
      TrackingDimensionGroupName: 'None',
      IsSalesStopped: 'No',
    },
    overrides,
  );
}

/**
 * A `CDSSalesOrderHeaders` row ordered and invoiced by one customer (a row or its account):
 * confirmed, totals calculated, in USD, with a unique order number.
 */
export function finopsSalesOrder(customer: CustomerTarget, overrides: FinOpsOverrides = {}): FinOpsRow {
  const n = nextNumber();
  const number =
    typeof overrides['SalesOrderNumber'] === 'string' ? overrides['SalesOrderNumber'] : `SO-${padded(n, 6)}`;
  const account = customerAccountOf(customer);
  return withOverrides<FinOpsRow>(
    {
      dataAreaId: 'usmf',
      SalesOrderNumber: number,
      SalesOrderName: `Order ${number}`,
      OrderingCustomerAccountNumber: account,
      InvoiceCustomerAccountNumber: account,
      CurrencyCode: 'USD',
      RequestedReceiptDate: '2026-03-15T12:00:00Z',
      SalesOrderProcessingStatus: 'Confirmed',
      AreTotalsCalculated: 'Yes',
      TotalAmount: 200,
    },
    overrides,
  );
}

/** A `CDSSalesOrderLines` row of an order (a row or its number): two of a product at 100 by the each; lines count 1, 2, 3 per order. */
export function finopsSalesOrderLine(
  order: string | Readonly<Record<string, unknown>>,
  product: string | Readonly<Record<string, unknown>>,
  overrides: FinOpsOverrides = {},
): FinOpsRow {
  const number = keyOf(order, 'SalesOrderNumber');
  return withOverrides<FinOpsRow>(
    {
      dataAreaId: 'usmf',
      SalesOrderNumber: number,
      LineNumber: nextLineNumber(`CDSSalesOrderLines|${number}`),
      ProductNumber: keyOf(product, 'ProductNumber'),
      OrderedSalesQuantity: 2,
      SalesPrice: 100,
      SalesUnitSymbol: 'ea',
    },
    overrides,
  );
}

/** A `SalesInvoiceHeadersV2` row invoiced to a customer (a row or its account), in USD, with a unique invoice number. */
export function finopsInvoice(customer: CustomerTarget, overrides: FinOpsOverrides = {}): FinOpsRow {
  const n = nextNumber();
  return withOverrides<FinOpsRow>(
    {
      dataAreaId: 'usmf',
      InvoiceNumber: `CIV-${padded(n, 6)}`,
      InvoiceDate: '2026-04-02T12:00:00Z',
      InvoiceCustomerAccountNumber: customerAccountOf(customer),
      CurrencyCode: 'USD',
      TotalInvoiceAmount: 200,
    },
    overrides,
  );
}

/** A `SalesInvoiceLinesV2` row of an invoice (a row or its number): two of a product at 100 by the each. */
export function finopsInvoiceLine(
  invoice: string | Readonly<Record<string, unknown>>,
  product: string | Readonly<Record<string, unknown>>,
  overrides: FinOpsOverrides = {},
): FinOpsRow {
  const number = keyOf(invoice, 'InvoiceNumber');
  return withOverrides<FinOpsRow>(
    {
      dataAreaId: 'usmf',
      InvoiceNumber: number,
      LineNumber: nextLineNumber(`SalesInvoiceLinesV2|${number}`),
      ProductNumber: keyOf(product, 'ProductNumber'),
      InvoicedQuantity: 2,
      SalesPrice: 100,
      SalesUnitSymbol: 'ea',
    },
    overrides,
  );
}
