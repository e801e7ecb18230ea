import { ConfigError, type Connector, type ConnectorDescriptorRegistry, type ConnectorRegistry } from '@p2c/core';
import { decorate, inject, injectable } from 'inversify';
import { P2C } from '@p2c/core';
import { CLI } from './identifiers.js';

export type ConnectorResolver = (kind: string) => Connector;

/**
 * The configured connections by kind. Each is built the first time a task asks for it, so a
 * missing secret only matters to the commands that talk to that system.
 */
export class ContainerConnectorRegistry implements ConnectorRegistry {
  readonly #built = new Map<string, Connector>();

  constructor(
    private readonly resolve: ConnectorResolver,
    private readonly descriptors: ConnectorDescriptorRegistry,
  ) {}

  get(kind: string): Connector {
    const built = this.#built.get(kind);
    if (built) return built;
    if (!this.descriptors.has(kind)) {
      throw new ConfigError(
        `A template needs a '${kind}' connection, which p2c cannot configure: no connector of that kind is registered; known kinds: ${this.descriptors.kinds().join(', ')}. Add the plugin that provides it to plugins:`,
        { code: 'UNKNOWN_CONNECTOR_KIND' },
      );
    }
    const connector = this.resolve(kind);
    this.#built.set(kind, connector);
    return connector;
  }
}

// `decorate` rather than decorator syntax: `pnpm p2c` runs the sources through tsx from the repo
// root, where no tsconfig turns on experimentalDecorators. The injection stays explicit either
// way, as it must: esbuild emits no decorator metadata.
decorate(injectable(), ContainerConnectorRegistry);
decorate(inject(CLI.ConnectorResolver), ContainerConnectorRegistry, 0);
decorate(inject(P2C.ConnectorDescriptorRegistry), ContainerConnectorRegistry, 1);
