import type { TemplatePlugin } from '@p2c/core';
import { accountsPlugin } from '@p2c/template-accounts';
import { contactToCustomerPlugin } from '@p2c/template-contact-to-customer';
import { contactsPlugin } from '@p2c/template-contacts';
import { invoicesPlugin } from '@p2c/template-invoices';
import { ordersPlugin } from '@p2c/template-orders';
import { productsPlugin } from '@p2c/template-products';
import { quotesPlugin } from '@p2c/template-quotes';

/** The template plugins this build of p2c ships with (the Prospect to cash set); each is registered by its manifest. */
export const INSTALLED_PLUGINS: readonly TemplatePlugin[] = [
  accountsPlugin,
  contactsPlugin,
  contactToCustomerPlugin,
  productsPlugin,
  quotesPlugin,
  ordersPlugin,
  invoicesPlugin,
];
