import { DEFAULT_CREDENTIALS, DEFAULT_URLS, type Emulator } from '@p2c/emulator';

/** Deletes an F&O customer as a user of F&O would, through the emulated OData service. */
export async function deleteCustomer(emulator: Emulator, dataAreaId: string, customerAccount: string): Promise<void> {
  const { tenantId, clientId, clientSecret } = DEFAULT_CREDENTIALS;
  const token = await emulator.handle(
    new Request(`${DEFAULT_URLS.loginUrl}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
        scope: `${DEFAULT_URLS.finopsUrl}/.default`,
      }),
    }),
  );
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const response = await emulator.handle(
    new Request(
      `${DEFAULT_URLS.finopsUrl}/data/CustomersV3(dataAreaId=${quoted(dataAreaId)},CustomerAccount=${quoted(customerAccount)})`,
      {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${accessToken}` },
      },
    ),
  );
  if (response.status !== 204)
    throw new Error(`Deleting customer ${customerAccount} answered ${response.status}: ${await response.text()}`);
}
