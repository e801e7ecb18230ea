import { definePlugin } from '@p2c/core';
import packageJson from '../package.json' with { type: 'json' };
import { optionsSchema, type ProjectsOptions } from './options.js';
import { projectsTemplate } from './projectsTemplate.js';

export { PROJECTS_TASK_ID, projectsSchema, projectsTemplate, salesColumns } from './projectsTemplate.js';
export { optionsSchema, type ProjectsOptions } from './options.js';

/**
 * The plugin manifest p2c loads from the config's `plugins:` list. `coreApi` is the core API
 * it was written for: p2c refuses the plugin on a core it was not built for.
 */
export const projectsPlugin = definePlugin<ProjectsOptions>({
  name: packageJson.name,
  version: packageJson.version,
  coreApi: '^0.2.0',
  templates: [projectsTemplate(optionsSchema.parse({}))],
  optionsSchema,
  configure: (options) => [projectsTemplate(options)],
});

export default projectsPlugin;
