import { ConfigError, type Connector, type ConnectorDescriptorRegistry, type Logger, type Redactor } from '@p2c/core';
import type { P2cConfig } from '../config/P2cConfig.js';
import { readSecret } from '../config/readSecret.js';

/**
 * Builds the connector of one kind from the configured connection of that kind, with what the
 * CLI gives every factory: secrets from the environment, the redactor, the logger, the config's folder.
 */
export function connectConfigured(
  kind: string,
  config: P2cConfig,
  connectors: ConnectorDescriptorRegistry,
  host: { env: NodeJS.ProcessEnv; redactor: Redactor; logger: Logger },
): Connector {
  const entry = Object.entries(config.connections).find(([, connection]) => connection.kind === kind);
  if (entry === undefined) {
    throw new ConfigError(
      `A template needs a '${kind}' connection and ${config.file} has none: add one under connections with 'kind: ${kind}'`,
      { code: 'CONNECTION_MISSING' },
    );
  }
  const [name, connection] = entry;
  const path = `connections.${name}`;
  // The settings passed the connector's schema when the config loaded: they are its output already.
  return connectors.get(kind).create(connection.settings, {
    path,
    baseDir: config.dir,
    readSecret: (variable, field) => readSecret(path, variable, field, host.env, host.redactor),
    redactor: host.redactor,
    logger: host.logger,
  });
}
