import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorServer } from '@p2c/emulator';
import type { MarkActiveCustomersResult } from '@p2c/template-contact-to-customer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/**
 * Microsoft's "Synchronize contacts from Sales to contacts or customers": "The upgrade script
 * also sets the Is Active Customer field to Yes for any Contacts that have sales activity", and
 * "Is Active Customer is set to Yes only for Contacts that have related quotations, orders, or
 * invoices". `p2c contact-numbers backfill` is that upgrade script.
 */
let dir: string;
let server: EmulatorServer;

interface BackfillJson {
  assignedCount: number;
  activeCustomers: MarkActiveCustomersResult;
}

async function p2c(args: string[]) {
  const capture = captureEnvironment({ cwd: dir, env: EMULATOR_SECRETS });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

async function backfillJson(args: string[] = []): Promise<{ code: number; result: BackfillJson }> {
  const run = await p2c(['contact-numbers', 'backfill', '--json', ...args]);
  return { code: run.code, result: JSON.parse(run.stdout) as BackfillJson };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-active-customers-'));
  server = await emulatorProject(dir, {
    sales: { accounts: [{ name: 'Contoso Ltd', accountnumber: 'ACC-09001-CONTSO' }] },
    finops: { legalEntities: ['usmf'], customerGroups: ['10'] },
  });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const contacts = () => server.emulator.sales.table('contacts');
const contact = (lastname: string, flag: boolean | null = null): string =>
  String(
    contacts().insert({
      lastname,
      msdyn_contactnumber: `CON-${lastname.toUpperCase()}`,
      ...(flag === null ? {} : { msdyn_isactivecustomer: flag }),
    })['contactid'],
  );
const customerIs = (id: string) => ({ 'customerid_contact@odata.bind': `/contacts(${id})` });
const flagOf = (id: string): unknown => contacts().get(id)?.['msdyn_isactivecustomer'];

describe('p2c contact-numbers backfill: Is Active Customer for contacts with sales activity', () => {
  it('sets Is Active Customer to Yes for contacts that have related quotations, orders, or invoices, and leaves the others alone', async () => {
    const withQuote = contact('Quote');
    const withOrder = contact('Order', false);
    const withInvoice = contact('Invoice');
    const alreadyYes = contact('Already', true);
    const withoutDocuments = contact('Nothing', false);
    // More contacts than one Dataverse page holds (5000): the contacts are read page by page.
    for (let i = 0; i < 5050; i += 1) contacts().insert({ lastname: `Filler ${i}`, msdyn_contactnumber: `CON-F${i}` });
    const sales = server.emulator.sales;
    sales.table('quotes').insert({ name: 'Quote for a contact', ...customerIs(withQuote) });
    sales.table('quotes').insert({ name: 'Quote again', ...customerIs(alreadyYes) });
    sales.table('salesorders').insert({ name: 'Order for a contact', ...customerIs(withOrder) });
    sales.table('invoices').insert({ name: 'Invoice for a contact', ...customerIs(withInvoice) });
    const account = sales.accounts.list()[0]!.accountid;
    sales
      .table('quotes')
      .insert({ name: 'Quote for an account', 'customerid_account@odata.bind': `/accounts(${account})` });

    const dry = await backfillJson(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.result.activeCustomers).toMatchObject({ dryRun: true, setCount: 3, failures: [] });
    expect(flagOf(withQuote)).toBe(false);

    const real = await backfillJson();
    expect(real.code).toBe(0);
    expect(real.result.activeCustomers).toMatchObject({
      dryRun: false,
      documentsScanned: 5,
      contactsScanned: 5055,
      setCount: 3,
      failures: [],
    });
    expect([...real.result.activeCustomers.set].sort()).toEqual([withQuote, withOrder, withInvoice].sort());
    expect([withQuote, withOrder, withInvoice, alreadyYes].map(flagOf)).toEqual([true, true, true, true]);
    expect(flagOf(withoutDocuments)).toBe(false);
    expect(
      contacts()
        .list()
        .filter((row) => row['msdyn_isactivecustomer'] === true),
    ).toHaveLength(4);

    const text = await p2c(['contact-numbers', 'backfill']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Set to Yes\s+0\n/);
  });

  it('is resumable: after a request failed, the rerun sets only the contacts still without the flag', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => contact(`Buyer${i}`));
    for (const id of ids) server.emulator.sales.table('quotes').insert({ name: 'Quote', ...customerIs(id) });
    // Contacts are updated 100 a request, in id order: the second request fails as a whole.
    const sorted = [...ids].sort();
    server.emulator.setFaults({
      script: [{ match: { service: 'sales', bodyContains: sorted[120]! }, fault: '500', times: 1000 }],
    });

    const partial = await p2c(['contact-numbers', 'backfill']);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/Set to Yes\s+100\n/);
    expect(partial.stdout).toMatch(/Failed\s+50\n/);
    expect(partial.stdout).toContain(sorted[100]); // the first contact of the failed request
    expect(ids.filter((id) => flagOf(id) === true)).toHaveLength(100);

    server.emulator.setFaults(null);
    const rerun = await backfillJson();
    expect(rerun.code).toBe(0);
    expect(rerun.result.activeCustomers.setCount).toBe(50);
    expect(ids.every((id) => flagOf(id) === true)).toBe(true);
  });
});
