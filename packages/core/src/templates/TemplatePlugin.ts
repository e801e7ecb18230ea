import { z } from 'zod';
import type { EntityTemplate } from './EntityTemplate.js';

/** The version of the interfaces in this package that plugins are built against. */
export const CORE_API_VERSION = '0.1.0';

/** A plugin is a manifest plus code: what it is, what core it was built for, what it provides. */
export interface TemplatePlugin {
  name: string;
  version: string;
  /** The core API range it was built for, e.g. `^0.1.0`. */
  coreApi: string;
  templates: EntityTemplate[];
}

export const pluginManifestSchema = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+/, 'expected a semver version'),
  coreApi: z.string().regex(/^\^?\d+\.\d+\.\d+$/, "expected a range like '^0.1.0'"),
  templates: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) }).loose()).min(1),
});

export function definePlugin(plugin: TemplatePlugin): TemplatePlugin {
  return plugin;
}
