import { stringify } from 'yaml';
import { SECRET_ENV } from '../config/starterConfig.js';

export interface DemoConfigOptions {
  url: string;
  tenantId: string;
  clientId: string;
  /** Relative to the config file. */
  ca: string;
}

/** Currency -> the demo's Sales price list its orders and invoices get. */
const DEMO_PRICE_LISTS = { USD: 'Retail USD', GBP: 'Standard GBP' };

/**
 * The demo's config: both connections on the in-process emulator, and value maps that cover
 * most of the demo data but not all of it, so the summary shows what an unmapped value does.
 */
export function demoConfig(options: DemoConfigOptions): string {
  const connection = (name: 'sales' | 'finops') => ({
    url: options.url,
    tenantId: options.tenantId,
    clientId: options.clientId,
    clientSecretEnv: SECRET_ENV[name],
    authorityHost: options.url,
    ca: options.ca,
  });
  return `# Written by 'p2c demo'.\n${stringify({
    state: { sqlite: './.p2c/state.db' },
    connections: { sales: connection('sales'), finops: connection('finops') },
    organizations: { ORG001: 'usmf' },
    templates: {
      accounts: {
        tasks: {
          'Accounts - Account - Customers': {
            pageSize: 500,
            batchSize: 100,
            defaults: { CustomerGroupId: '10' },
            valueMaps: {
              // '2% 10, Net 30' is left out on purpose: those accounts fail, naming the value.
              PaymentTerms: { 'Net 30': 'Net30', 'Net 45': 'Net45', 'Net 60': 'Net60' },
              // F&O has no delivery mode 'Truck': those customers are refused by F&O's validation.
              DeliveryMode: { FedEx: 'FedEx', UPS: 'UPS', Airborne: 'Air', 'Full Load': 'Truck' },
            },
          },
        },
      },
      // Sales requires a price list on an order and an invoice: the demo's lists by currency (none
      // for EUR, so an order in euros fails, naming the currency).
      orders: { tasks: { OrderHeader: { valueMaps: { 'pricelevelid@odata.bind': DEMO_PRICE_LISTS } } } },
      invoices: { tasks: { SalesInvoiceHeader: { valueMaps: { 'pricelevelid@odata.bind': DEMO_PRICE_LISTS } } } },
    },
    projects: {
      // Like a Data Integrator project: the templates in any order, run in one that respects every precondition.
      'prospect-to-cash': {
        templates: ['accounts', 'contacts', 'contact-to-customer', 'products', 'quotes', 'orders', 'invoices'],
      },
    },
  })}`;
}
