import { z } from 'zod';

/**
 * What the configuration may set for this plugin:
 *   plugins:
 *     - package: @p2c-examples/template-projects
 *       options: { defaultGroup: FP }
 * p2c checks them with this schema when it loads the plugin, and names the plugin and the
 * option when they are wrong.
 */
export const optionsSchema = z.strictObject({
  /** The Project group F&O requires, for projects that do not say. */
  defaultGroup: z.string().min(1).max(10).default('TM'),
});

export type ProjectsOptions = z.output<typeof optionsSchema>;
