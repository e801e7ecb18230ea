import { startHarness, type Harness } from '@p2c/testing';
import { accountsPlugin } from '@p2c/template-accounts';
import { productsPlugin } from '@p2c/template-products';
import { expect } from 'vitest';
import { quotesPlugin } from '../src/index.js';
import { baseSeed } from './quotesSeed.js';

export const plugins = [accountsPlugin, productsPlugin, quotesPlugin];

/** Accounts and products D0001 and D0002 synced by their own templates, as a project runs them first. */
export async function withParentsSynced(emulator: Parameters<typeof startHarness>[0]): Promise<Harness> {
  const h = await startHarness(emulator, baseSeed(), { plugins });
  expect((await h.run('accounts')).status).toBe('Completed');
  expect((await h.run('products')).status).toBe('Completed');
  return h;
}

/** A Sales quote and its lines, added after the harness started (as a user adds them). */
export function addQuote(h: Harness, row: Record<string, unknown>, lines: Record<string, unknown>[]): void {
  h.emulator.sales.table('quotes').insert(row);
  for (const line of lines) h.emulator.sales.table('quotedetails').insert(line);
}

/** The F&O sales quotation header of that number in company usmf. */
export const header = (h: Harness, SalesQuotationNumber: string) =>
  h.emulator.finops.entity('SalesQuotationHeadersV2').get({ dataAreaId: 'usmf', SalesQuotationNumber });
