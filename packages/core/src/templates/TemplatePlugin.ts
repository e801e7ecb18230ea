import { z } from 'zod';
import { connectorDescriptorSchema, type ConnectorDescriptor } from '../connectors/ConnectorDescriptor.js';
import { entityTemplateSchema, type EntityTemplate } from './EntityTemplate.js';

/**
 * The version of the interfaces in this package that plugins are built against. A plugin states
 * the range it was built for as a literal (`coreApi: '^0.2.0'`), fixed when it is written, so a
 * plugin built for another version is refused rather than run against interfaces it never knew.
 */
export const CORE_API_VERSION = '0.2.0';

/** What a plugin's options are checked with: any schema with zod's `safeParse` (zod 3 or 4). */
export interface PluginOptionsSchema<T = unknown> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly PluginOptionIssue[] } };
}

export interface PluginOptionIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A plugin is a manifest plus code: what it is, what core it was built for, what it provides
 * (templates, connectors or both).
 */
export interface TemplatePlugin<Options = unknown> {
  /** The npm package name, e.g. `@p2c/template-accounts`. */
  name: string;
  version: string;
  /** The core API range it was built for, e.g. `^0.2.0`. */
  coreApi: string;
  /** The templates it provides (with its options' defaults, when it has options). */
  templates?: EntityTemplate[];
  /** The connectors it provides, registered by kind (each checks its settings with its own schema). */
  connectors?: ConnectorDescriptor[];
  /** Checks the options the configuration gives it (`plugins: [{ package, options }]`). */
  optionsSchema?: PluginOptionsSchema<Options>;
  /** The templates for checked options; without it, options only pass the check. */
  configure?(options: Options): EntityTemplate[];
}

const text = z.string().min(1);

export const pluginManifestSchema = z
  .object({
    name: text,
    version: z.string().regex(/^\d+\.\d+\.\d+/, 'expected a semver version'),
    coreApi: z.string().regex(/^\^?\d+\.\d+\.\d+$/, "expected a range like '^0.2.0'"),
    templates: z.array(entityTemplateSchema).min(1).optional(),
    connectors: z.array(connectorDescriptorSchema).min(1).optional(),
    optionsSchema: z.object({ safeParse: z.function() }).loose().optional(),
    configure: z.function().optional(),
  })
  .refine((plugin) => plugin.templates !== undefined || plugin.connectors !== undefined, {
    error: 'provides nothing: give it templates, connectors or both',
  });

export function definePlugin<Options = unknown>(plugin: TemplatePlugin<Options>): TemplatePlugin<Options> {
  return plugin;
}
