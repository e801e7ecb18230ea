import type { EmulatorSeed } from '@p2c/emulator';
import { accountsPlugin } from '@p2c/template-accounts';
import { startHarness, useEmulator } from '@p2c/testing';
import { describe, expect, it } from 'vitest';
import { contactToCustomerPlugin, markActiveCustomers } from '../src/index.js';
import { aContact } from './aContact.js';

const emulator = useEmulator();
const harness = (seed: EmulatorSeed) =>
  startHarness(emulator, seed, { plugins: [accountsPlugin, contactToCustomerPlugin] });
const customerOf = (contact: Record<string, unknown>) => `/contacts(${String(contact.contactid)})`;

describe('Contacts to Customer: which contacts are customers, as Microsoft documents it', () => {
  it('Is Active Customer is set to Yes only for Contacts that have related quotations, orders, or invoices. Only those Contacts are synchronized to Finance and Operations as Customers', async () => {
    const quoted = aContact().build();
    const ordered = aContact().build();
    const invoiced = aContact().build();
    const noActivity = aContact().build();
    const h = await harness({
      sales: {
        contacts: [quoted, ordered, invoiced, noActivity],
        quotes: [{ name: 'Quote', 'customerid_contact@odata.bind': customerOf(quoted) }],
        salesorders: [{ name: 'Order', 'customerid_contact@odata.bind': customerOf(ordered) }],
        invoices: [{ name: 'Invoice', 'customerid_contact@odata.bind': customerOf(invoiced) }],
      },
    });

    // The upgrade script's step, as `p2c contact-numbers backfill` runs it (paged: 2 a page).
    const marked = await markActiveCustomers({
      connectors: h.connectors,
      connector: 'dataverse',
      dryRun: false,
      pageSize: 2,
    });
    expect(marked).toMatchObject({ documentsScanned: 3, contactsScanned: 4, setCount: 3, failures: [] });

    const run = await h.run('contact-to-customer');

    expect(run.counts).toMatchObject({ read: 4, created: 3, filtered: 1, failed: 0 });
    const accounts = h.emulator.finops.customers
      .list()
      .map((c) => c.CustomerAccount)
      .sort();
    expect(accounts).toEqual([quoted, ordered, invoiced].map((contact) => String(contact.msdyn_contactnumber)).sort());

    // A rerun of the upgrade script sets nothing new.
    const again = await markActiveCustomers({ connectors: h.connectors, connector: 'dataverse', dryRun: false });
    expect(again.setCount).toBe(0);
  });
});
