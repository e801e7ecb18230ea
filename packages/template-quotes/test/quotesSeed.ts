import type { EmulatorSeed } from '@p2c/emulator';

export const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';

/** An F&O released product, sellable, sold by the piece (`ea`) in USD. */
export const releasedProduct = (ProductNumber: string, fields: Record<string, unknown> = {}) => ({
  dataAreaId: 'usmf',
  ProductNumber,
  ItemNumber: ProductNumber,
  ProductName: `Product ${ProductNumber}`,
  ProductSubtype: 'Product',
  SalesUnitSymbol: 'ea',
  SalesPrice: 100,
  SalesCurrencyCode: 'USD',
  IsSalesStopped: 'No',
  ...fields,
});

/** A Sales product as the Products template writes it: externally maintained, sold by `Each`. */
export const salesProduct = (productnumber: string, fields: Record<string, unknown> = {}) => ({
  productnumber,
  name: `Product ${productnumber}`,
  'defaultuomid@odata.bind': "/uoms(name='Each')",
  msdyn_isexternallymaintained: true,
  ...fields,
});

/**
 * Two accounts, the units and a USD price list in Sales, with a product made in Sales only
 * (SALES-ONLY, not externally maintained); the sellable released products D0001 and D0002 in
 * F&O, which the Products template brings to Sales.
 */
export function baseSeed(): EmulatorSeed {
  return {
    sales: {
      accounts: [
        { name: 'Contoso', accountnumber: 'ACC-01000-AAAAAA', _transactioncurrencyid_value: USD },
        { name: 'Fabrikam', accountnumber: 'ACC-01000-BBBBBB', _transactioncurrencyid_value: USD },
      ],
      uoms: [{ name: 'Each' }, { name: 'Piece' }, { name: 'Dozen' }],
      pricelevels: [{ name: 'US price list', _transactioncurrencyid_value: USD }],
      products: [salesProduct('SALES-ONLY', { msdyn_isexternallymaintained: false })],
    },
    finops: {
      ReleasedDistinctProductsV2: [releasedProduct('D0001'), releasedProduct('D0002', { SalesPrice: 25.5 })],
    },
  } as EmulatorSeed;
}

/** A Sales quote as a Web API write: customer by account number, in USD. */
export const quote = (quotenumber: string, fields: Record<string, unknown> = {}) => ({
  quotenumber,
  name: `Quote ${quotenumber}`,
  'customerid_account@odata.bind': "/accounts(accountnumber='ACC-01000-AAAAAA')",
  'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
  ...fields,
});

/** A Sales quote detail as a Web API write. */
export const detail = (quotenumber: string, lineitemnumber: number, productnumber: string, fields: Record<string, unknown> = {}) => ({
  'quoteid@odata.bind': `/quotes(quotenumber='${quotenumber}')`,
  'productid@odata.bind': `/products(productnumber='${productnumber}')`,
  'uomid@odata.bind': "/uoms(name='Each')",
  lineitemnumber,
  quantity: 2,
  priceperunit: 100,
  ...fields,
});
