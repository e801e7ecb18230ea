import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type ConnectorContext } from '@p2c/core';
import { createEntraTokenProvider } from '../auth/createEntraTokenProvider.js';
import { ODataClient } from '../client/ODataClient.js';
import { createTrustedFetch } from '../http/createTrustedFetch.js';
import type { ODataConnectionSettings } from './odataConnectionSchema.js';

const ODATA_HEADERS = { 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' };

/**
 * The OData client of one configured connection: an Entra ID token for `<url>/.default`, the
 * connection's CA trusted when it names one, requests sent to `<url><servicePath>`. The secret
 * is read (and redacted) now, so only a connection that is used needs it.
 */
export function createConnectionClient(
  settings: ODataConnectionSettings,
  context: ConnectorContext,
  servicePath: string,
): ODataClient {
  const clientSecret = context.readSecret(settings.clientSecretEnv, 'clientSecretEnv');
  const ca = settings.ca === undefined ? undefined : readCa(settings.ca, context);
  const tokenProvider = createEntraTokenProvider({
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    clientSecret,
    scope: `${settings.url}/.default`,
    ...(settings.authorityHost === undefined ? {} : { authorityHost: settings.authorityHost }),
    ...(ca === undefined ? {} : { ca }),
  });
  return new ODataClient({
    serviceUrl: `${settings.url}${servicePath}`,
    tokenProvider,
    headers: ODATA_HEADERS,
    ...(ca === undefined ? {} : { fetch: createTrustedFetch(ca) }),
    ...(settings.retry === undefined ? {} : { retry: definedOnly(settings.retry) }),
  });
}

/** The PEM itself when the setting holds one, else the file it names (relative to the config). */
function readCa(setting: string, context: ConnectorContext): string {
  if (setting.includes('BEGIN CERTIFICATE')) return setting;
  const path = resolve(context.baseDir, setting);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(`${context.path}.ca: cannot read ${path} (${reason}); point it at a PEM certificate file`, {
      code: 'CA_UNREADABLE',
    });
  }
  if (!pem.includes('BEGIN CERTIFICATE')) {
    throw new ConfigError(`${context.path}.ca: ${path} holds no PEM certificate (no 'BEGIN CERTIFICATE' line)`, {
      code: 'CA_INVALID',
    });
  }
  return pem;
}

function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
