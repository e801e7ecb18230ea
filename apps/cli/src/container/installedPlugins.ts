import type { TemplatePlugin } from '@p2c/core';
import { accountsPlugin } from '@p2c/template-accounts';

/** The template plugins this build of p2c ships with; each is registered by its manifest. */
export const INSTALLED_PLUGINS: readonly TemplatePlugin[] = [accountsPlugin];
