import { readFileSync } from 'node:fs';
import { ConfigError, type Connector, type Redactor } from '@p2c/core';
import { FinOpsConnector } from '@p2c/finops';
import { createEntraTokenProvider, createTrustedFetch, ODataClient, type FetchLike } from '@p2c/odata';
import { DataverseConnector } from '@p2c/sales';
import type { ConnectionName } from '../config/configSchema.js';
import { CONNECTION_OF_KIND, type P2cConfig } from '../config/P2cConfig.js';
import { readSecret } from '../config/readSecret.js';

const ODATA_HEADERS = { 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' };

/** Where each kind of system serves OData, below the environment's URL. */
const SERVICE_PATH: Readonly<Record<string, string>> = {
  dataverse: '/api/data/v9.2',
  finops: '/data',
};

/** Builds the connector of one kind from its configured connection: Entra ID token, OData client. */
export function createConnector(
  kind: string,
  config: P2cConfig,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
): Connector {
  const name: ConnectionName | undefined = CONNECTION_OF_KIND[kind];
  if (name === undefined) throw new ConfigError(`No connection for kind '${kind}'`, { code: 'UNKNOWN_CONNECTOR_KIND' });
  const connection = config.connections[name];
  const clientSecret = readSecret(name, connection, env, redactor);
  const ca = connection.ca === undefined ? undefined : readCa(name, connection.ca);
  const tokenProvider = createEntraTokenProvider({
    tenantId: connection.tenantId,
    clientId: connection.clientId,
    clientSecret,
    scope: `${connection.url}/.default`,
    ...(connection.authorityHost === undefined ? {} : { authorityHost: connection.authorityHost }),
    ...(ca === undefined ? {} : { ca }),
  });
  const fetch: FetchLike | undefined = ca === undefined ? undefined : createTrustedFetch(ca);
  const client = new ODataClient({
    serviceUrl: `${connection.url}${SERVICE_PATH[kind]}`,
    tokenProvider,
    headers: ODATA_HEADERS,
    ...(fetch === undefined ? {} : { fetch }),
  });
  return kind === 'dataverse' ? new DataverseConnector(client) : new FinOpsConnector(client);
}

function readCa(name: ConnectionName, path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(
      `connections.${name}.ca: cannot read ${path} (${reason}); point it at a PEM certificate file`,
      {
        code: 'CA_UNREADABLE',
      },
    );
  }
  if (!pem.includes('BEGIN CERTIFICATE')) {
    throw new ConfigError(`connections.${name}.ca: ${path} holds no PEM certificate (no 'BEGIN CERTIFICATE' line)`, {
      code: 'CA_INVALID',
    });
  }
  return pem;
}
