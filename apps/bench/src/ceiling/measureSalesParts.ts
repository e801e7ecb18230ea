import { salesAccountColumns } from '@p2c/template-accounts';
import type { BenchAccount } from '../dataset/BenchAccount.js';
import { encodeBatch, type BatchOperation } from '../http/encodeBatch.js';
import type { HttpsClient } from '../http/HttpsClient.js';
import { sendBatches, type PreparedBatch } from '../http/sendBatches.js';

/** The account columns the accounts template selects, plus the id, modifiedon and the currency lookup. */
const SELECT = ['accountid', 'modifiedon', ...salesAccountColumns, '_transactioncurrencyid_value'].join(',');

export interface SalesReadCeiling {
  records: number;
  pages: number;
  elapsedMs: number;
  recordsPerSecond: number;
}

export interface WriteBackCeiling {
  /** Accounts without a number given one (a sample at most `limit` of them). */
  records: number;
  /** How many accounts of the dataset have none (what a full sync writes back). */
  withoutNumber: number;
  elapsedMs: number;
  recordsPerSecond: number;
  succeeded: number;
}

/**
 * Every account through the Web API as the sync reads them (the template's columns, formatted
 * values, pages of `pageSize`), one page after the other: the emulator's side of the sync's read.
 */
export async function measureSalesRead(
  client: HttpsClient,
  token: string,
  pageSize: number,
): Promise<SalesReadCeiling> {
  const started = performance.now();
  let next: string | undefined = `/api/data/v9.2/accounts?$select=${SELECT}`;
  let records = 0;
  let pages = 0;
  while (next) {
    const page: { value: unknown[]; '@odata.nextLink'?: string } = await client.json('GET', next, {
      headers: {
        Authorization: `Bearer ${token}`,
        'OData-Version': '4.0',
        'OData-MaxVersion': '4.0',
        Prefer: `odata.maxpagesize=${pageSize},odata.include-annotations="OData.Community.Display.V1.FormattedValue"`,
      },
    });
    records += page.value.length;
    pages += 1;
    next = page['@odata.nextLink'];
  }
  const elapsedMs = performance.now() - started;
  return { records, pages, elapsedMs, recordsPerSecond: records / (elapsedMs / 1000) };
}

/**
 * The account-number write-back (PATCH `accounts(<id>)` in `$batch`es of 100, 4 in flight) for
 * up to `limit` of the accounts without a number: a sample when there are many, since each
 * Sales write costs the emulator more as the table grows.
 */
export async function measureWriteBack(
  client: HttpsClient,
  token: string,
  accounts: Iterable<BenchAccount>,
  limit: number,
): Promise<WriteBackCeiling> {
  const base = `${client.origin.origin}/api/data/v9.2`;
  const operations: BatchOperation[] = [];
  let withoutNumber = 0;
  for (const account of accounts) {
    if (account.accountnumber !== null) continue;
    withoutNumber += 1;
    if (operations.length < limit) {
      operations.push({
        method: 'PATCH',
        url: `${base}/accounts(${account.accountid})`,
        body: { accountnumber: `ACC-W${String(operations.length).padStart(7, '0')}-BENCH` },
      });
    }
  }
  const batches: PreparedBatch[] = [];
  for (let start = 0; start < operations.length; start += 100) {
    const slice = operations.slice(start, start + 100);
    const { body, contentType } = encodeBatch(slice, 0, `writeback${start}`);
    batches.push({ body: Buffer.from(body, 'utf8'), contentType, operations: slice.length });
  }
  const pushed = await sendBatches(client, '/api/data/v9.2/$batch', token, batches, 4);
  return {
    records: operations.length,
    withoutNumber,
    elapsedMs: pushed.elapsedMs,
    recordsPerSecond: pushed.succeeded / (pushed.elapsedMs / 1000),
    succeeded: pushed.succeeded,
  };
}
