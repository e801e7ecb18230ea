import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.js';
import { captureEnvironment } from './support/captureEnvironment.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The row of one template in a pass's project table: status, then the counts in column order. */
function rowOf(pass: string, template: string): string[] {
  const line = pass.split('\n').find((text) => text.startsWith(`${template} `));
  if (!line) throw new Error(`no row for ${template} in:\n${pass}`);
  return line.trim().split(/\s+/).slice(1);
}

it('p2c demo runs the whole Prospect to cash loop: the invoice reaches Sales against its order, and the last pass writes nothing', async () => {
  dir = mkdtempSync(join(tmpdir(), 'p2c-demo-test-'));
  const capture = captureEnvironment({ cwd: dir });
  const code = await runCli(['demo', '--count', '300'], capture.environment);
  const out = capture.stdout();
  expect(code).toBe(0);
  const [intro = '', first = '', quote = '', invoice = '', last = ''] = out.split(/\n\d\. /);

  expect(intro).toContain('Sales holds 300 sample accounts');
  // READ CREATED UPDATED UNCHANGED FAILED WAITING LEFT OUT, after the status.
  expect(rowOf(first, 'accounts')).toEqual([
    'Warning',
    '302',
    expect.any(String),
    '0',
    '0',
    expect.any(String),
    '0',
    '0',
  ]);
  expect(rowOf(first, 'contacts')).toEqual(['Completed', '6', '3', '0', '0', '0', '0', '3']);
  expect(rowOf(first, 'contact-to-customer')).toEqual(['Completed', '6', '2', '0', '0', '0', '0', '4']);
  // Seven products, each read by both tasks: one left out, the euro and the box ones fail (and their price list items with them).
  expect(rowOf(first, 'products')).toEqual(['Warning', '14', '8', '0', '0', '4', '0', '2']);
  const reasons = first.slice(first.indexOf('Every failure of Products'));
  expect(reasons).toMatch(/1\s+NO_PRICE_LIST\s+No price list in Sales has currency EUR/);
  expect(reasons).toMatch(/1\s+VALUE_MAP_MISS\s+DefaultUnit: no value map entry for 'box'/);
  for (const failure of ['VALUE_MAP_MISS', 'DESTINATION_REJECTED', 'UNKNOWN_COUNTRY', 'DUPLICATE_KEY']) {
    expect(first.slice(first.indexOf('Every failure of Accounts'))).toMatch(new RegExp(`\\d+\\s+${failure}`));
  }

  expect(rowOf(quote, 'quotes')).toEqual(['Completed', '3', '3', '0', '0', '0', '0', '0']);
  // Retried accounts that fail again are a Warning, not an Error: nothing got worse.
  expect(rowOf(quote, 'accounts')[0]).toBe('Warning');

  // The draft order is left out; the order, its two lines, the invoice, its lines and the order's status arrive.
  expect(rowOf(invoice, 'orders')).toEqual(['Completed', '4', '3', '0', '0', '0', '0', '1']);
  expect(rowOf(invoice, 'invoices')).toEqual(['Completed', '4', '3', '1', '0', '0', '0', '0']);
  expect(invoice).toContain('sales order SO-000101 shows Invoiced');
  expect(invoice).toContain('invoice INV-000101 is there with 2 line(s), total 1480, against SO-000101');

  for (const template of ['accounts', 'contacts', 'contact-to-customer', 'products', 'quotes', 'orders', 'invoices']) {
    const [, , created, updated] = rowOf(last, template);
    expect({ template, created, updated }).toEqual({ template, created: '0', updated: '0' });
  }
  expect(last).toContain('The last run wrote nothing anywhere');
});
