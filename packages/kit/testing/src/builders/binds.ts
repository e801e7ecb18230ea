import { DEFAULT_TRANSACTION_CURRENCIES } from '@p2c/emulator';

/** A row a bind can point at: a seed row built earlier, or just its alternate key. */
export type BindTarget = string | Readonly<Record<string, unknown>>;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function bindTo(set: string, alternateKey: string, idColumn: string, target: BindTarget): string {
  if (typeof target === 'string') return `/${set}(${alternateKey}=${literal(target)})`;
  const key = target[alternateKey];
  if (typeof key === 'string' && key !== '') return `/${set}(${alternateKey}=${literal(key)})`;
  const id = target[idColumn];
  if (typeof id === 'string' && id !== '') return `/${set}(${id})`;
  throw new Error(`Cannot bind to ${set}: the row has neither ${alternateKey} nor ${idColumn}`);
}

/** `/accounts(accountnumber='ACC-1')` for `<nav>@odata.bind`; a row without a number binds by `accountid`. */
export const atAccount = (account: BindTarget): string => bindTo('accounts', 'accountnumber', 'accountid', account);
/** `/contacts(msdyn_contactnumber='CON-1')`, or by `contactid`. */
export const atContact = (contact: BindTarget): string =>
  bindTo('contacts', 'msdyn_contactnumber', 'contactid', contact);
/** `/uoms(name='Each')`. */
export const atUnit = (unit: BindTarget): string => bindTo('uoms', 'name', 'uomid', unit);
/** `/pricelevels(name='US price list')`. */
export const atPriceList = (priceList: BindTarget): string => bindTo('pricelevels', 'name', 'pricelevelid', priceList);
/** `/products(productnumber='D0001')`. */
export const atProduct = (product: BindTarget): string => bindTo('products', 'productnumber', 'productid', product);
/** `/quotes(quotenumber='QUO-1')`. */
export const atQuote = (quote: BindTarget): string => bindTo('quotes', 'quotenumber', 'quoteid', quote);
/** `/salesorders(ordernumber='SO-1')`. */
export const atOrder = (order: BindTarget): string => bindTo('salesorders', 'ordernumber', 'salesorderid', order);
/** `/invoices(invoicenumber='INV-1')`. */
export const atInvoice = (invoice: BindTarget): string => bindTo('invoices', 'invoicenumber', 'invoiceid', invoice);

/** `/transactioncurrencies(<id>)` of one of the emulator's default currencies, by ISO code. */
export function atCurrency(isoCode = 'USD'): string {
  const currency = DEFAULT_TRANSACTION_CURRENCIES.find((row) => row.isocurrencycode === isoCode.toUpperCase());
  if (!currency) {
    const known = DEFAULT_TRANSACTION_CURRENCIES.map((row) => row.isocurrencycode).join(', ');
    throw new Error(`The emulator has no default currency '${isoCode}' (it has ${known})`);
  }
  return `/transactioncurrencies(${currency.transactioncurrencyid})`;
}

/** The id of one of the emulator's default currencies (for `_transactioncurrencyid_value` and assertions). */
export function currencyId(isoCode = 'USD'): string {
  return atCurrency(isoCode).slice('/transactioncurrencies('.length, -1);
}
