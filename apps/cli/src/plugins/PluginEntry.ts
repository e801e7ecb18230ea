import { z } from 'zod';

/**
 * One entry of the config's `plugins:` list: an npm package name (`@acme/p2c-template-projects`)
 * or a path relative to the config file (`./plugins/projects`), with the plugin's options.
 */
export const pluginEntrySchema = z.union([
  z.string().trim().min(1, 'expected a package name or a path'),
  z.strictObject({
    package: z.string().trim().min(1, 'expected a package name or a path'),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);
export type PluginEntryInput = z.infer<typeof pluginEntrySchema>;

/** An entry as the loader takes it. */
export interface PluginEntry {
  specifier: string;
  options: Record<string, unknown> | undefined;
  /** Where it was named, for messages: `plugins[2] in p2c.config.yaml`. */
  where: string;
}

export function toPluginEntry(input: PluginEntryInput, where: string): PluginEntry {
  return typeof input === 'string'
    ? { specifier: input, options: undefined, where }
    : { specifier: input.package, options: input.options, where };
}
