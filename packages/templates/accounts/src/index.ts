import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { accountsTemplate } from './accountsTemplate.js';

export { ACCOUNTS_TASK_ID, accountsTemplate } from './accountsTemplate.js';
export { cdsAccountToCustomer } from './mappings/cdsAccountToCustomer.js';
export { salesAccountColumns, salesAccountToCdsAccount } from './mappings/salesAccountToCdsAccount.js';

/** The plugin manifest: what the CLI registers. */
export const accountsPlugin = definePlugin({
  name: '@p2c/template-accounts',
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [accountsTemplate],
});

export default accountsPlugin;
