import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorServer } from '@p2c/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import type { ProjectRunResult } from '@p2c/core';
import {
  financeInvoicesQuote,
  salespersonQuotes,
  storySeed,
  STORY_CUSTOMER,
  STORY_INVOICE,
  STORY_ORDER,
} from '../src/demo/demoLoop.js';
import { captureEnvironment } from './support/captureEnvironment.js';
import { EMULATOR_SECRETS, emulatorProject } from './support/emulatorProject.js';

/** The whole Prospect to cash project through the CLI, against the emulator over HTTPS. */
const SECRETS = EMULATOR_SECRETS;
// Listed in no particular order: the project runs them in an order that respects every precondition.
const PROJECT = `
projects:
  p2c:
    templates: [invoices, quotes, orders, contacts, products, contact-to-customer, accounts]
`;

let dir: string;
let server: EmulatorServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-loop-'));
  const story = storySeed();
  server = await emulatorProject(
    dir,
    { sales: story.sales, finops: { legalEntities: ['usmf'], customerGroups: ['10'], ...story.finops } },
    PROJECT,
  );
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function runProject(): Promise<ProjectRunResult> {
  const capture = captureEnvironment({ cwd: dir, env: SECRETS });
  const code = await runCli(['run', '--project', 'p2c', '--json'], capture.environment);
  expect(capture.stderr()).not.toMatch(/^p2c: /m);
  expect(code).toBeLessThanOrEqual(1);
  return JSON.parse(capture.stdout()) as ProjectRunResult;
}

describe('the Prospect to cash project', () => {
  it('runs quote to invoice in order: the invoice arrives in Sales against its order, and a second run writes nothing', async () => {
    const first = await runProject();
    // Quotes also after Contacts to Customer: its tasks find customers there, though it is no precondition.
    expect(first.runs.map((run) => run.templateId)).toEqual([
      'products',
      'accounts',
      'contacts',
      'contact-to-customer',
      'quotes',
      'orders',
      'invoices',
    ]);
    expect(server.emulator.finops.customers.get('usmf', STORY_CUSTOMER)).toMatchObject({
      IsExternallyMaintained: 'Yes',
    });
    expect(
      server.emulator.finops
        .entity('ContactPersonsV2')
        .list()
        .map((row) => row['LastName'])
        .sort(),
    ).toEqual(['Davolio', 'Fuller', 'Leverling']);
    expect(server.emulator.sales.table('products').get('D0001')).toMatchObject({
      msdyn_isexternallymaintained: true,
      price: 220,
    });

    const quoteNumber = salespersonQuotes(server.emulator);
    await runProject();
    expect(server.emulator.finops.entity('SalesQuotationLines').list()).toHaveLength(2);

    financeInvoicesQuote(server.emulator, quoteNumber);
    const third = await runProject();
    const sales = server.emulator.sales;
    const order = sales.table('salesorders').get(STORY_ORDER)!;
    const invoice = sales.table('invoices').get(STORY_INVOICE)!;
    expect(order).toMatchObject({ msdyn_processingstatus: 192350004, statecode: 0 });
    expect(invoice['_salesorderid_value']).toBe(order['salesorderid']);
    expect(
      sales
        .table('salesorderdetails')
        .list()
        .filter((line) => line['_salesorderid_value'] === order['salesorderid']),
    ).toHaveLength(2);
    expect(
      sales
        .table('invoicedetails')
        .list()
        .filter((line) => line['_invoiceid_value'] === invoice['invoiceid']),
    ).toHaveLength(2);
    // The draft order stays in F&O, and the history says which rule left it out.
    expect(sales.table('salesorders').get('SO-000102')).toBeUndefined();
    const orders = third.runs.find((run) => run.templateId === 'orders')!;
    expect(orders.excluded).toEqual([expect.objectContaining({ key: 'SO-000102', rule: 'confirmedOrLater' })]);

    server.emulator.resetRequestCounts();
    const again = await runProject();
    expect(again.runs.every((run) => run.counts.created + run.counts.updated === 0)).toBe(true);
    const counts = server.emulator.requestCounts();
    expect({ sales: counts.sales.writes, finops: counts.finops.writes }).toEqual({ sales: 0, finops: 0 });
  });
});
