import { ConfigError, type Redactor } from '@p2c/core';
import type { ConnectionConfig, ConnectionName } from './configSchema.js';

/**
 * The client secret of a connection, from the environment variable the config names. It is
 * registered with the redactor before anyone can print it.
 */
export function readSecret(
  name: ConnectionName,
  connection: ConnectionConfig,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): string {
  const secret = env[connection.clientSecretEnv];
  if (secret === undefined || secret === '') {
    throw new ConfigError(
      `connections.${name}.clientSecretEnv: environment variable ${connection.clientSecretEnv} is not set; export it before running`,
      { code: 'SECRET_MISSING' },
    );
  }
  redactor.add(secret);
  return secret;
}

/** Registers every configured secret that is set, so output is safe even before a connection is used. */
export function registerSecrets(
  connections: Readonly<Record<ConnectionName, ConnectionConfig>>,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): void {
  for (const connection of Object.values(connections)) redactor.add(env[connection.clientSecretEnv]);
}
