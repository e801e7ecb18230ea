import { get } from 'node:https';
import { accountsPlugin } from '@p2c/template-accounts';
import { atAccount, salesAccount, salesContact, startHarness, useEmulator } from '@p2c/testing';
import '@p2c/testing/matchers';
import { describe, expect, it } from 'vitest';
import { contactsPlugin } from '../src/index.js';

// The same emulator served over real HTTPS (as for a spawned CLI), not msw.
const emulator = useEmulator({ over: 'https' });

describe('Contacts through the emulators over HTTPS', () => {
  it('syncs a contact of a synced account over the network, and says where the emulator listens', async () => {
    const company = salesAccount();
    const contact = salesContact({ 'parentcustomerid_account@odata.bind': atAccount(company) });
    const h = await startHarness(
      emulator,
      { sales: { accounts: [company], contacts: [contact] } },
      { plugins: [accountsPlugin, contactsPlugin] },
    );

    expect(h.endpoints).toMatchObject({
      over: 'https',
      salesUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
      caPem: expect.stringContaining('BEGIN CERTIFICATE'),
    });
    expect(h.endpoints.finopsUrl).toBe(h.endpoints.salesUrl);
    const summaries = await h.runAll(['accounts', 'contacts']);

    expect(summaries.map((summary) => summary.status)).toEqual(['Completed', 'Completed']);
    expect(h).toHaveWrittenOnce('finops', 'ContactPersonsV2', ['usmf', String(contact['msdyn_contactnumber'])]);
    // What a spawned CLI is given: the URL and the certificate to trust.
    const health = await new Promise<string>((resolve, reject) => {
      get(`${h.endpoints.salesUrl}/_emulator/health`, { ca: h.endpoints.caPem }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      }).on('error', reject);
    });
    expect(JSON.parse(health)).toMatchObject({ status: 'ok', finops: { legalEntities: ['usmf'] } });
  });
});
