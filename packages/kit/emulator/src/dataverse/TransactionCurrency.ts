import type { EntityModel } from '../odata/EntityModel.js';

/** A `transactioncurrency` row (the columns the emulator keeps). */
export interface TransactionCurrency {
  transactioncurrencyid: string;
  isocurrencycode: string;
  currencyname: string;
  currencysymbol: string;
  /** Set when the emulator stores the row, as Dataverse sets it on every table. */
  modifiedon?: string;
}

/**
 * The currencies a fresh emulator knows, with fixed ids (the last digits are the ISO 4217
 * numeric code) so seeds and tests can name them. USD comes first: it is the base currency.
 */
export const DEFAULT_TRANSACTION_CURRENCIES: readonly TransactionCurrency[] = [
  {
    transactioncurrencyid: '7a3c2f10-5b1e-4c6a-9d0e-000000000840',
    isocurrencycode: 'USD',
    currencyname: 'US Dollar',
    currencysymbol: '$',
  },
  {
    transactioncurrencyid: '7a3c2f10-5b1e-4c6a-9d0e-000000000978',
    isocurrencycode: 'EUR',
    currencyname: 'Euro',
    currencysymbol: '€',
  },
  {
    transactioncurrencyid: '7a3c2f10-5b1e-4c6a-9d0e-000000000826',
    isocurrencycode: 'GBP',
    currencyname: 'Pound Sterling',
    currencysymbol: '£',
  },
  {
    transactioncurrencyid: '7a3c2f10-5b1e-4c6a-9d0e-000000000124',
    isocurrencycode: 'CAD',
    currencyname: 'Canadian Dollar',
    currencysymbol: 'CA$',
  },
  {
    transactioncurrencyid: '7a3c2f10-5b1e-4c6a-9d0e-000000000208',
    isocurrencycode: 'DKK',
    currencyname: 'Danish Krone',
    currencysymbol: 'kr.',
  },
];

export const TRANSACTION_CURRENCY_MODEL: EntityModel = {
  typeName: 'Microsoft.Dynamics.CRM.transactioncurrency',
  properties: {
    transactioncurrencyid: { type: 'Edm.Guid' },
    isocurrencycode: { type: 'Edm.String' },
    currencyname: { type: 'Edm.String' },
    currencysymbol: { type: 'Edm.String' },
    modifiedon: { type: 'Edm.DateTimeOffset' },
  },
};

export function formatCurrency(
  currency: TransactionCurrency,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const names = select ?? ['transactioncurrencyid', 'isocurrencycode', 'currencyname', 'currencysymbol', 'modifiedon'];
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = currency[name as keyof TransactionCurrency] ?? null;
  out['transactioncurrencyid'] = currency.transactioncurrencyid;
  return out;
}
