import { taskRef } from '@p2c/core';

/**
 * Every task of the first-party Prospect to cash templates, as parents name it. A template
 * points at another template's task through these, never through a hand-typed
 * `"<template>/<task>"` string and never by importing that template; a test of the invoices
 * template checks that each one names a task its template really declares.
 */
export const P2C_TASKS = {
  accounts: { customers: taskRef('accounts', 'Accounts - Account - Customers') },
  contacts: { contactPersons: taskRef('contacts', 'Contacts') },
  contactToCustomer: { customers: taskRef('contact-to-customer', 'ContactToCustomer') },
  products: {
    products: taskRef('products', 'Products'),
    priceListItems: taskRef('products', 'ProductPriceListItems'),
  },
  quotes: { header: taskRef('quotes', 'QuoteHeader'), lines: taskRef('quotes', 'QuoteLine') },
  orders: { header: taskRef('orders', 'OrderHeader'), lines: taskRef('orders', 'OrderLine') },
  invoices: {
    header: taskRef('invoices', 'SalesInvoiceHeader'),
    lines: taskRef('invoices', 'SalesInvoiceLine'),
    orderStatus: taskRef('invoices', 'SalesInvoiceOrderStatus'),
  },
} as const;

/** Where an F&O customer can have come from: a Sales account first, else a Sales contact. */
export const CUSTOMER_TASKS = [P2C_TASKS.accounts.customers, P2C_TASKS.contactToCustomer.customers] as const;
