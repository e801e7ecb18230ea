import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { contactsTemplate } from './contactsTemplate.js';

export { CONTACTS_TASK_ID, contactsTemplate } from './contactsTemplate.js';
export { cdsContactToContactPerson } from './mappings/cdsContactToContactPerson.js';

/** The plugin manifest: what the CLI registers. */
export const contactsPlugin = definePlugin({
  name: '@p2c/template-contacts',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [contactsTemplate],
});

export default contactsPlugin;
