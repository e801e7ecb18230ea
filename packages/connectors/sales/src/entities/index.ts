import type { z } from 'zod';
import { accountsEntity } from './Accounts.js';
import { transactioncurrenciesEntity } from './Transactioncurrencies.js';
import { uomschedulesEntity } from './Uomschedules.js';
import { uomsEntity } from './Uoms.js';
import { pricelevelsEntity } from './Pricelevels.js';
import { contactsEntity } from './Contacts.js';
import { productsEntity } from './Products.js';
import { productpricelevelsEntity } from './Productpricelevels.js';
import { quotesEntity } from './Quotes.js';
import { quotedetailsEntity } from './Quotedetails.js';
import { salesordersEntity } from './Salesorders.js';
import { salesorderdetailsEntity } from './Salesorderdetails.js';
import { invoicesEntity } from './Invoices.js';
import { invoicedetailsEntity } from './Invoicedetails.js';
import { systemusersEntity } from './Systemusers.js';

/** The columns of the Dataverse tables the first-party templates read and write, by entity set. */
export const dataverseEntities: Readonly<Record<string, z.ZodObject>> = {
  accounts: accountsEntity,
  transactioncurrencies: transactioncurrenciesEntity,
  uomschedules: uomschedulesEntity,
  uoms: uomsEntity,
  pricelevels: pricelevelsEntity,
  contacts: contactsEntity,
  products: productsEntity,
  productpricelevels: productpricelevelsEntity,
  quotes: quotesEntity,
  quotedetails: quotedetailsEntity,
  salesorders: salesordersEntity,
  salesorderdetails: salesorderdetailsEntity,
  invoices: invoicesEntity,
  invoicedetails: invoicedetailsEntity,
  systemusers: systemusersEntity,
};
