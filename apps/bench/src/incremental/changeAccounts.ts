import type { BenchAccount } from '../dataset/BenchAccount.js';
import { encodeBatch, type BatchOperation } from '../http/encodeBatch.js';
import { fetchToken } from '../http/fetchToken.js';
import type { HttpsClient } from '../http/HttpsClient.js';
import { sendBatches, type PreparedBatch } from '../http/sendBatches.js';

/** Every hundredth account (1%) is changed for the incremental pass. */
export function isChangedForIncremental(position: number): boolean {
  return position % 100 === 42;
}

export interface ChangeResult {
  changed: number;
  elapsedMs: number;
  problems: string[];
}

/**
 * Changes 1% of the accounts in Sales as a user's integration would: PATCH
 * `accounts(<id>)` through the Web API in `$batch`es of 100 (no change sets), with a token.
 * The new phone number reaches F&O as PrimaryContactPhone, so each one is a real update.
 */
export async function changeAccounts(client: HttpsClient, accounts: Iterable<BenchAccount>): Promise<ChangeResult> {
  const base = `${client.origin.origin}/api/data/v9.2`;
  const operations: BatchOperation[] = [];
  let position = 0;
  for (const account of accounts) {
    if (isChangedForIncremental(position)) {
      operations.push({
        method: 'PATCH',
        url: `${base}/accounts(${account.accountid})`,
        body: { telephone1: `+1 555 ${String(position % 10_000).padStart(4, '0')} ext. 2` },
      });
    }
    position += 1;
  }
  const batches: PreparedBatch[] = [];
  for (let start = 0; start < operations.length; start += 100) {
    const slice = operations.slice(start, start + 100);
    const { body, contentType } = encodeBatch(slice, 0, `change${start}`);
    batches.push({ body: Buffer.from(body, 'utf8'), contentType, operations: slice.length });
  }
  const token = await fetchToken(client);
  const pushed = await sendBatches(client, '/api/data/v9.2/$batch', token, batches, 4);
  if (pushed.succeeded !== operations.length) {
    throw new Error(
      `Changing accounts in Sales: ${operations.length - pushed.succeeded} of ${operations.length} PATCHes failed\n${pushed.problems.join('\n')}`,
    );
  }
  return { changed: pushed.succeeded, elapsedMs: pushed.elapsedMs, problems: pushed.problems };
}
