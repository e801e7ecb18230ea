import { DEFAULT_CREDENTIALS } from '@p2c/emulator';
import type { HttpsClient } from './HttpsClient.js';

/** A client-credentials token from the emulator's Entra ID endpoint (one serves both services). */
export async function fetchToken(client: HttpsClient): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: DEFAULT_CREDENTIALS.clientId,
    client_secret: DEFAULT_CREDENTIALS.clientSecret,
    scope: `${client.origin.origin}/.default`,
  });
  const answer = await client.json<{ access_token?: unknown }>(
    'POST',
    `/${DEFAULT_CREDENTIALS.tenantId}/oauth2/v2.0/token`,
    {
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    },
  );
  if (typeof answer.access_token !== 'string') throw new Error('The token endpoint answered without an access_token');
  return answer.access_token;
}
