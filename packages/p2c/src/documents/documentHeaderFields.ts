import type { FieldMapping } from '@p2c/core';
import { DEFAULT_PRICE_LIST_MAP } from './DEFAULT_PRICE_LIST_MAP.js';

const fn = (name: string) => ({ transformType: 'Function' as const, name });

/**
 * The Sales columns every order and invoice header writes from its CDS entity's
 * `CustomerAccountNumber` and `CurrencyCode`: the customer (an account or a contact, by where
 * it came from), the currency, and the price list the per-currency value map names.
 */
export const documentHeaderFields: readonly FieldMapping[] = [
  { target: 'customerid_account@odata.bind', source: 'CustomerAccountNumber', transforms: [fn('CustomerAccountBind')] },
  { target: 'customerid_contact@odata.bind', source: 'CustomerAccountNumber', transforms: [fn('CustomerContactBind')] },
  { target: 'transactioncurrencyid@odata.bind', source: 'CurrencyCode', transforms: [fn('CurrencyBind')] },
  {
    target: 'pricelevelid@odata.bind',
    source: 'CurrencyCode',
    transforms: [{ transformType: 'ValueMap', valueMap: { ...DEFAULT_PRICE_LIST_MAP } }, fn('PriceListNameBind')],
  },
];
