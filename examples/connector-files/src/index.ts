import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { customersToFilesTemplate } from './customersToFilesTemplate.js';
import { filesConnector } from './filesDescriptor.js';

export { FilesConnector } from './FilesConnector.js';
export { filesConnector } from './filesDescriptor.js';
export { CUSTOMERS_TASK_ID, customerSchema, customersToFilesTemplate } from './customersToFilesTemplate.js';
export {
  filesConnectionSchema,
  filesSourceOptionsSchema,
  type FilesConnectionSettings,
  type FilesSourceOptions,
} from './options.js';

/**
 * The plugin manifest p2c loads from the config's `plugins:` list: the connector (kind
 * `files`) and a template that uses it. `coreApi` is the core API it was written for.
 */
export const filesPlugin = definePlugin({
  name: packageJson.name,
  version: packageJson.version,
  coreApi: '^0.2.0',
  connectors: [filesConnector],
  templates: [customersToFilesTemplate],
});

export default filesPlugin;
