import { ConfigError, type ConnectorDescriptorRegistry, type Redactor } from '@p2c/core';
import type { ConfiguredConnection } from './P2cConfig.js';

/**
 * A connection's secret, from the environment variable its settings name. It is registered with
 * the redactor before anyone can print it. `path` is where the setting is: `connections.sales`.
 */
export function readSecret(
  path: string,
  variable: string,
  field: string,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): string {
  const secret = env[variable];
  if (secret === undefined || secret === '') {
    throw new ConfigError(`${path}.${field}: environment variable ${variable} is not set; export it before running`, {
      code: 'SECRET_MISSING',
    });
  }
  redactor.add(secret);
  return secret;
}

/** Registers every configured secret that is set, so output is safe even before a connection is used. */
export function registerSecrets(
  connections: Readonly<Record<string, ConfiguredConnection>>,
  connectors: ConnectorDescriptorRegistry,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): void {
  for (const { kind, settings } of Object.values(connections)) {
    for (const variable of connectors.get(kind).secretVariables?.(settings) ?? []) redactor.add(env[variable]);
  }
}
