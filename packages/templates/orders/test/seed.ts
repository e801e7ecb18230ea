import type { EmulatorSeed } from '@p2c/emulator';
import {
  atCurrency,
  currencyId,
  finopsCustomer,
  finopsReleasedProduct,
  finopsSalesOrder,
  finopsSalesOrderLine,
  salesAccount,
  salesPriceList,
  salesUnit,
  type FinOpsRow,
} from '@p2c/testing';

export const USD = currencyId('USD');

/** Two Sales accounts (to become F&O customers), units, USD and GBP price lists and one sellable F&O product. */
export const baseSeed: EmulatorSeed = {
  sales: {
    accounts: [
      salesAccount({ name: 'Contoso', accountnumber: 'ACC-01000-CONTSO' }),
      salesAccount({ name: 'Fabrikam', accountnumber: 'ACC-01000-FABRKM' }),
    ],
    uoms: [salesUnit({ name: 'Each' }), salesUnit({ name: 'Piece' }), salesUnit({ name: 'Hour' })],
    pricelevels: [
      salesPriceList({ name: 'Wholesale USD' }),
      salesPriceList({ name: 'Retail USD' }),
      // The price list Microsoft's templates map USD to.
      salesPriceList({ name: 'CRM Service USA (sample)' }),
      salesPriceList({ name: 'Standard GBP', 'transactioncurrencyid@odata.bind': atCurrency('GBP') }),
    ],
  },
  finops: {
    customers: [finopsCustomer({ CustomerAccount: 'US-001', OrganizationName: 'Fourth Coffee' })],
    ReleasedDistinctProductsV2: [
      finopsReleasedProduct({ ProductNumber: 'D0001', ProductName: 'Mid-range speaker', SalesPrice: 219.99 }),
    ],
  },
};

type Row = Record<string, string | number>;

/** A `CDSSalesOrderHeaders` row: confirmed, totalled, ordered and invoiced to Contoso, in USD. */
export const anOrder = (number: string, overrides: Row = {}): FinOpsRow =>
  finopsSalesOrder('ACC-01000-CONTSO', { SalesOrderNumber: number, TotalAmount: 439.98, ...overrides });

/** A `CDSSalesOrderLines` row: two D0001 speakers by the each. */
export const anOrderLine = (order: string, line: number, overrides: Row = {}): FinOpsRow =>
  finopsSalesOrderLine(order, 'D0001', { LineNumber: line, SalesPrice: 219.99, ...overrides });
