import type { EmulatorSeed } from '@p2c/emulator';
import {
  currencyId,
  finopsReleasedProduct,
  salesAccount,
  salesPriceList,
  salesProduct,
  salesQuote,
  salesQuoteDetail,
  salesUnit,
} from '@p2c/testing';

const USD = currencyId('USD');
const CONTOSO = 'ACC-01000-AAAAAA';

/** An F&O released product, sellable, sold by the piece (`ea`) in USD. */
export const releasedProduct = (ProductNumber: string, fields: Record<string, string | number> = {}) =>
  finopsReleasedProduct({ ProductNumber, ...fields });

/** A Sales product as the Products template writes it: externally maintained, sold by `Each`. */
export const externalProduct = (productnumber: string) =>
  salesProduct({ productnumber, msdyn_isexternallymaintained: true });

/**
 * Two accounts, the units and a USD price list in Sales, with a product made in Sales only
 * (SALES-ONLY, not externally maintained); the sellable released products D0001 and D0002 in
 * F&O, which the Products template brings to Sales.
 */
export function baseSeed(): EmulatorSeed {
  return {
    sales: {
      accounts: [
        salesAccount({ name: 'Contoso', accountnumber: CONTOSO, _transactioncurrencyid_value: USD }),
        salesAccount({ name: 'Fabrikam', accountnumber: 'ACC-01000-BBBBBB', _transactioncurrencyid_value: USD }),
      ],
      uoms: [salesUnit({ name: 'Each' }), salesUnit({ name: 'Piece' }), salesUnit({ name: 'Dozen' })],
      pricelevels: [salesPriceList({ name: 'US price list' })],
      products: [salesProduct({ productnumber: 'SALES-ONLY' })],
    },
    finops: {
      ReleasedDistinctProductsV2: [releasedProduct('D0001'), releasedProduct('D0002', { SalesPrice: 25.5 })],
    },
  };
}

/**
 * A Sales quote of Contoso in USD (Draft unless `statecode` says otherwise), shipped to the
 * United States: F&O requires the delivery country/region, and the template has no default.
 */
export const quote = (quotenumber: string, fields: Record<string, unknown> = {}) =>
  salesQuote(CONTOSO, { quotenumber, shipto_country: 'United States', ...fields });

/** Line `lineitemnumber` of a quote: two of a product at 100 by the `Each` unit. */
export const detail = (
  quotenumber: string,
  lineitemnumber: number,
  productnumber: string,
  fields: Record<string, unknown> = {},
) => salesQuoteDetail(quotenumber, productnumber, { lineitemnumber, ...fields });
