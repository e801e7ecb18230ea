import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { contactToCustomerTemplate } from './contactToCustomerTemplate.js';

export { CONTACT_TO_CUSTOMER_TASK_ID, contactToCustomerTemplate } from './contactToCustomerTemplate.js';
export { cdsContactToCustomer } from './mappings/cdsContactToCustomer.js';
export { salesContactColumns, salesContactToCdsContact } from './mappings/salesContactToCdsContact.js';
// The upgrade script's Is Active Customer step: what decides which contacts this template syncs.
export {
  markActiveCustomers,
  type MarkActiveCustomersOptions,
  type MarkActiveCustomersResult,
} from '@p2c/prospect-to-cash';

/** The plugin manifest: what the CLI registers. */
export const contactToCustomerPlugin = definePlugin({
  name: '@p2c/template-contact-to-customer',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [contactToCustomerTemplate],
});

export default contactToCustomerPlugin;
