import type { z } from 'zod';
import { ConfigError } from '../errors/index.js';
import { CORE_API_VERSION } from '../templates/TemplatePlugin.js';
import { isCoreApiCompatible } from '../templates/TemplateRegistry.js';
import type { Connector } from './Connector.js';
import { connectorDescriptorSchema, type ConnectorContext, type ConnectorDescriptor } from './ConnectorDescriptor.js';

interface Registered {
  descriptor: ConnectorDescriptor;
  /** The plugin that provided it, for messages. */
  plugin: string;
}

/**
 * The connectors this host can build, by kind. Each descriptor is checked as it registers (whole,
 * built for this core, its kind not taken), so a mistake is refused before anything runs.
 */
export class ConnectorDescriptorRegistry {
  readonly #byKind = new Map<string, Registered>();

  /** `plugin` names who provides it (a package name), for the messages. */
  register(descriptor: ConnectorDescriptor, plugin: string): void {
    const parsed = connectorDescriptorSchema.safeParse(descriptor);
    const { kind }: { kind?: unknown } = descriptor as { kind?: unknown };
    const named = typeof kind === 'string' ? `connector '${kind}'` : 'a connector';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`Plugin '${plugin}': ${named}: ${issue?.path.join('.')}: ${issue?.message}`, {
        code: 'CONNECTOR_INVALID',
      });
    }
    if (!isCoreApiCompatible(descriptor.coreApi)) {
      throw new ConfigError(
        `Plugin '${plugin}': ${named}: coreApi: built for core ${descriptor.coreApi}; this p2c has core ${CORE_API_VERSION}. Install a version built for core ^${CORE_API_VERSION}.`,
        { code: 'PLUGIN_CORE_MISMATCH' },
      );
    }
    const existing = this.#byKind.get(descriptor.kind);
    if (existing) {
      throw new ConfigError(
        `Plugins '${existing.plugin}' and '${plugin}' both provide connector '${descriptor.kind}'; remove one.`,
        { code: 'PLUGIN_DUPLICATE_CONNECTOR' },
      );
    }
    this.#byKind.set(descriptor.kind, { descriptor, plugin });
  }

  has(kind: string): boolean {
    return this.#byKind.has(kind);
  }

  /** The registered kinds, in registration order. */
  kinds(): string[] {
    return [...this.#byKind.keys()];
  }

  get(kind: string): ConnectorDescriptor {
    const found = this.#byKind.get(kind);
    if (found) return found.descriptor;
    throw new ConfigError(
      `No connector of kind '${kind}' is registered; known kinds: ${this.kinds().join(', ') || 'none'}`,
      {
        code: 'UNKNOWN_CONNECTOR_KIND',
      },
    );
  }

  /** The plugin that provided a kind. */
  pluginOf(kind: string): string | undefined {
    return this.#byKind.get(kind)?.plugin;
  }

  /** The columns a connector describes for one of its entities (for the task checks). */
  // A property, so it can be handed to the TemplateRegistry as it is.
  readonly describeEntity = (kind: string, entity: string): z.ZodObject | undefined => {
    const entities = this.#byKind.get(kind)?.descriptor.entities;
    return entities && Object.hasOwn(entities, entity) ? entities[entity] : undefined;
  };

  /**
   * Checks raw connection settings against the kind's schema: the checked settings, or the
   * issues with their paths below the settings (for the host to prefix and report).
   */
  parseSettings(
    kind: string,
    settings: unknown,
  ): { success: true; data: unknown } | { success: false; issues: readonly z.core.$ZodIssue[] } {
    const parsed = this.get(kind).connectionSchema.safeParse(settings);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: parsed.error.issues };
  }

  /** Builds a connector from its raw settings, checked first (a ConfigError naming `context.path`). */
  create(kind: string, settings: unknown, context: ConnectorContext): Connector {
    const parsed = this.parseSettings(kind, settings);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue?.path.length ? `.${issue.path.join('.')}` : '';
      throw new ConfigError(`${context.path}${field}: ${issue?.message ?? 'invalid'}`, { code: 'CONNECTION_INVALID' });
    }
    return this.get(kind).create(parsed.data, context);
  }
}
