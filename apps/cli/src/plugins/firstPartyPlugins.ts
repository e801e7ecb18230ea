/**
 * The template plugins p2c ships with (the Prospect to cash set), by package name. They load
 * exactly as any other plugin does; a config without a `plugins:` list gets these.
 */
export const FIRST_PARTY_PLUGINS: readonly string[] = [
  '@p2c/template-accounts',
  '@p2c/template-contacts',
  '@p2c/template-contact-to-customer',
  '@p2c/template-products',
  '@p2c/template-quotes',
  '@p2c/template-orders',
  '@p2c/template-invoices',
];
