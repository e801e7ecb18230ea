import type { FieldMapping } from '@p2c/core';

const fn = (name: string) => ({ transformType: 'Function' as const, name });

/**
 * The Sales columns every order and invoice header writes from its CDS entity's
 * `CustomerAccountNumber` and `CurrencyCode`: the customer (an account or a contact, by where
 * it came from), the currency, and the first price list by name in that currency.
 */
export const documentHeaderFields: readonly FieldMapping[] = [
  { target: 'customerid_account@odata.bind', source: 'CustomerAccountNumber', transforms: [fn('CustomerAccountBind')] },
  { target: 'customerid_contact@odata.bind', source: 'CustomerAccountNumber', transforms: [fn('CustomerContactBind')] },
  { target: 'transactioncurrencyid@odata.bind', source: 'CurrencyCode', transforms: [fn('CurrencyBind')] },
  { target: 'pricelevelid@odata.bind', source: 'CurrencyCode', transforms: [fn('PriceListBind')] },
];
