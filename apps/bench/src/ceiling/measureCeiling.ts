import type { BenchAccount } from '../dataset/BenchAccount.js';
import { encodeBatch } from '../http/encodeBatch.js';
import { fetchToken } from '../http/fetchToken.js';
import type { HttpsClient } from '../http/HttpsClient.js';
import { sendBatches, type PreparedBatch } from '../http/sendBatches.js';
import { toCustomerRow } from './toCustomerRow.js';

export interface CeilingOptions {
  /** Records per `$batch` (the sync's batchSize). */
  batchSize: number;
  /** Records per change set (the sync's default changesetSize). */
  changesetSize: number;
  /** `$batch` requests in flight (the sync's default writeConcurrency). */
  concurrency: number;
}

export interface CeilingResult extends CeilingOptions {
  records: number;
  succeeded: number;
  batches: number;
  /** From the first request to the last answer. */
  elapsedMs: number;
  recordsPerSecond: number;
  /** Building every body beforehand (not part of `elapsedMs`). */
  prepareMs: number;
  problems: string[];
}

/**
 * The emulator's ceiling for what the sync does: POST CustomersV3 for every account, in
 * `$batch`es built beforehand, several in flight, through a bare HTTPS client. Nothing is read
 * and nothing mapped, so this is the most the emulator can take in this shape.
 */
export async function measureCeiling(
  client: HttpsClient,
  accounts: Iterable<BenchAccount>,
  options: CeilingOptions,
): Promise<CeilingResult> {
  const prepareStarted = performance.now();
  const url = `${client.origin.origin}/data/CustomersV3`;
  const batches: PreparedBatch[] = [];
  let pending: Record<string, unknown>[] = [];
  let position = 0;
  const seal = () => {
    const { body, contentType } = encodeBatch(
      pending.map((row) => ({ method: 'POST' as const, url, body: row })),
      options.changesetSize,
      `ceiling${batches.length}`,
    );
    batches.push({ body: Buffer.from(body, 'utf8'), contentType, operations: pending.length });
    pending = [];
  };
  for (const account of accounts) {
    pending.push(toCustomerRow(account, position++));
    if (pending.length === options.batchSize) seal();
  }
  if (pending.length > 0) seal();
  const prepareMs = performance.now() - prepareStarted;

  const token = await fetchToken(client);
  const pushed = await sendBatches(client, '/data/$batch', token, batches, options.concurrency);
  return {
    ...options,
    records: position,
    succeeded: pushed.succeeded,
    batches: pushed.batches,
    elapsedMs: pushed.elapsedMs,
    recordsPerSecond: pushed.succeeded / (pushed.elapsedMs / 1000),
    prepareMs,
    problems: pushed.problems,
  };
}
