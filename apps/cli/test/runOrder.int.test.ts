import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectRunResult } from '@p2c/core';
import type { EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { financeInvoicesQuote, storySeed, STORY_INVOICE, STORY_ORDER } from '../src/demo/demoLoop.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/**
 * The run order the quote, order and invoice documents give: "Products", "Accounts (Sales to
 * Fin and Ops) (if used)", "Contacts to Customers (Sales to Fin and Ops) (if used)" (and, for
 * invoices, the orders). Through the CLI, with p2c's own templates, against the emulator over HTTPS.
 */
const USD = '7a3c2f10-5b1e-4c6a-9d0e-000000000840';
/** A story contact that is an active customer, at no company: Contacts to Customer makes it a customer. */
const CONTACT_CUSTOMER = 'CON-00902-MARGPE';

let dir: string;
let server: EmulatorServer;

async function setUp(projects: string): Promise<void> {
  const story = storySeed();
  server = await emulatorProject(
    dir,
    { sales: story.sales, finops: { legalEntities: ['usmf'], customerGroups: ['10'], ...story.finops } },
    projects,
  );
}

async function p2c(args: string[], env: NodeJS.ProcessEnv = EMULATOR_SECRETS) {
  const capture = captureEnvironment({ cwd: dir, env });
  const code = await runCli(args, capture.environment);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

async function runProject(name: string): Promise<ProjectRunResult> {
  const result = await p2c(['run', '--project', name, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBeLessThanOrEqual(1);
  return JSON.parse(result.stdout) as ProjectRunResult;
}

const runsOf = async (template: string) =>
  (JSON.parse((await p2c(['history', '--json', '--template', template])).stdout) as { status: string }[]).map(
    (r) => r.status,
  );

/** A salesperson quotes the contact customer two products and activates the quote. Returns its number. */
function quoteForTheContact(): string {
  const quotes = server.emulator.sales.table('quotes');
  const quote = quotes.insert({
    name: 'Speakers for a home studio',
    'customerid_contact@odata.bind': `/contacts(msdyn_contactnumber='${CONTACT_CUSTOMER}')`,
    'transactioncurrencyid@odata.bind': `/transactioncurrencies(${USD})`,
    statecode: 0,
    // F&O requires the quotation's delivery country/region.
    shipto_country: 'United States',
  });
  const quoteNumber = String(quote['quotenumber']);
  for (const [lineitemnumber, productnumber] of [
    [1, 'D0001'],
    [2, 'D0002'],
  ] as const) {
    server.emulator.sales.table('quotedetails').insert({
      'quoteid@odata.bind': `/quotes(quotenumber='${quoteNumber}')`,
      'productid@odata.bind': `/products(productnumber='${productnumber}')`,
      'uomid@odata.bind': "/uoms(name='Each')",
      lineitemnumber,
      quantity: 2,
      priceperunit: 100,
    });
  }
  quotes.update(String(quote['quoteid']), { statecode: 1 });
  return quoteNumber;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-run-order-'));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Accounts (Sales to Fin and Ops) (if used)', () => {
  it('a project whose customers come only from Contacts to Customer runs quotes, orders and invoices for them', async () => {
    await setUp('projects:\n  contacts:\n    templates: [invoices, orders, quotes, products, contact-to-customer]\n');

    const first = await runProject('contacts');
    // Contacts to Customer, "if used", runs before the documents that need it; Accounts is not used.
    expect(first.runs.map((run) => [run.templateId, run.status])).toEqual([
      ['products', 'Warning'],
      ['contact-to-customer', 'Completed'],
      ['orders', 'Completed'],
      ['invoices', 'Completed'],
      ['quotes', 'Completed'],
    ]);
    expect(server.emulator.finops.customers.get('usmf', CONTACT_CUSTOMER)).toMatchObject({
      IsExternallyMaintained: 'Yes',
    });
    expect(await runsOf('accounts')).toEqual([]);

    const quoteNumber = quoteForTheContact();
    await runProject('contacts');
    const quotation = server.emulator.finops
      .entity('SalesQuotationHeadersV2')
      .get({ dataAreaId: 'usmf', SalesQuotationNumber: quoteNumber });
    expect(quotation).toMatchObject({
      RequestingCustomerAccountNumber: CONTACT_CUSTOMER,
      InvoiceCustomerAccountNumber: CONTACT_CUSTOMER,
    });

    financeInvoicesQuote(server.emulator, quoteNumber);
    await runProject('contacts');
    const sales = server.emulator.sales;
    const contact = sales
      .table('contacts')
      .list()
      .find((row) => row['msdyn_contactnumber'] === CONTACT_CUSTOMER)!;
    const order = sales.table('salesorders').get(STORY_ORDER)!;
    const invoice = sales.table('invoices').get(STORY_INVOICE)!;
    expect(order['_customerid_value']).toBe(contact['contactid']);
    expect(invoice['_customerid_value']).toBe(contact['contactid']);
    expect(invoice['_salesorderid_value']).toBe(order['salesorderid']);
  });

  it('blocks the documents while Accounts has run but never completed, though Contacts to Customer completed', async () => {
    await setUp('projects:\n  documents:\n    templates: [quotes, orders]\n');
    expect((await p2c(['run', 'products'])).code).toBeLessThanOrEqual(1);
    expect((await p2c(['run', 'contact-to-customer'])).code).toBe(0);
    // Accounts is used: it ran, and the run stopped (F&O refused the sign-in).
    const failed = await p2c(['run', 'accounts'], { ...EMULATOR_SECRETS, P2C_FINOPS_CLIENT_SECRET: 'wrong' });
    expect(failed.code).toBe(2);
    expect(await runsOf('accounts')).toEqual(['Error']);

    const refused = await p2c(['run', '--project', 'documents']);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toBe(
      "p2c: Template 'quotes' cannot run yet: it needs 'accounts' to have run first, and it has never completed a run (Completed or Warning). Run 'accounts' first, or put it in the same project before 'quotes'. 'accounts' is needed only if used, and it is: it has runs, none of them Completed or Warning.\n",
    );
    expect(await runsOf('quotes')).toEqual([]);

    // Once Accounts completes, or runs first in the same project, the documents run.
    expect((await p2c(['run', 'accounts'])).code).toBe(0);
    expect((await p2c(['run', '--project', 'documents'])).code).toBe(0);
    expect(await runsOf('orders')).toEqual(['Completed']);
  });

  it('refuses the documents when neither Accounts nor Contacts to Customer ever ran, naming both', async () => {
    await setUp('projects:\n  documents:\n    templates: [products, quotes, orders, invoices]\n');
    const refused = await p2c(['run', '--project', 'documents']);
    expect(refused).toMatchObject({ code: 3, stdout: '' });
    expect(refused.stderr).toBe(
      "p2c: Template 'quotes' cannot run yet: it needs one of 'accounts' or 'contact-to-customer' to have run first (for its customers), and none of them has ever completed a run (Completed or Warning). Run one of 'accounts' or 'contact-to-customer' first, or put one of them in the same project before 'quotes'.\n",
    );
    expect(await runsOf('products')).toEqual([]);

    const alone = await p2c(['run', 'orders', '--json']);
    expect(alone.code).toBe(3);
    expect(alone.stderr).toContain("it needs one of 'accounts' or 'contact-to-customer' to have run first");
  });

  it('runs Accounts, when the project holds it, before Contacts to Customer and the documents', async () => {
    await setUp('projects:\n  p2c:\n    templates: [orders, contact-to-customer, quotes, products, accounts]\n');
    const run = await runProject('p2c');
    expect(run.runs.map((r) => r.templateId)).toEqual([
      'products',
      'accounts',
      'contact-to-customer',
      'orders',
      'quotes',
    ]);
  });
});

describe('p2c templates and the if-used preconditions', () => {
  it('shows what each document needs first, if used and one of, and who needs Contacts to Customer', async () => {
    await setUp('');
    const text = await p2c(['templates'], {});
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /\nquotes\s+Sales Quotes \(Sales to Fin and Ops\)\s+QuoteHeader\s+dataverse:quotes -> finops:SalesQuotationHeadersV2\s+products, accounts and\/or contact-to-customer \(customers\)\s+none\s/,
    );
    expect(text.stdout).toMatch(
      /\ninvoices\s+.*\s+products, orders, accounts and\/or contact-to-customer \(customers\)\s+none\s/,
    );
    expect(text.stdout).toMatch(/\ncontact-to-customer\s+.*\s+accounts \(if used\)\s+quotes, orders, invoices\s/);
    const json = JSON.parse((await p2c(['templates', '--json'], {})).stdout) as {
      id: string;
      preconditions: unknown[];
      neededBy: string[];
    }[];
    const byId = new Map(json.map((t) => [t.id, t]));
    expect(byId.get('quotes')?.preconditions).toEqual([
      'products',
      { template: 'accounts', ifUsed: true },
      { template: 'contact-to-customer', ifUsed: true },
      { anyOf: ['accounts', 'contact-to-customer'], provides: 'customers' },
    ]);
    expect(byId.get('contact-to-customer')?.neededBy).toEqual(['quotes', 'orders', 'invoices']);
  });
});
