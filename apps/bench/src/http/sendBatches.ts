import type { HttpsClient } from './HttpsClient.js';
import { batchStatuses } from './encodeBatch.js';

export interface PreparedBatch {
  body: Buffer;
  contentType: string;
  operations: number;
}

export interface BatchPushResult {
  batches: number;
  operations: number;
  /** Operations answered 2xx. */
  succeeded: number;
  /** The first few answers that were not 2xx, for the report. */
  problems: string[];
  elapsedMs: number;
}

/**
 * Pushes prepared `$batch` bodies to `path`, `concurrency` in flight, as fast as the server
 * answers. Continue-on-error, as the sync sends them; failures are counted, not retried.
 */
export async function sendBatches(
  client: HttpsClient,
  path: string,
  token: string,
  batches: readonly PreparedBatch[],
  concurrency: number,
): Promise<BatchPushResult> {
  // One iterator shared by the workers: each batch is sent by exactly one of them.
  const queue = batches.entries();
  let succeeded = 0;
  let operations = 0;
  const problems: string[] = [];
  const started = performance.now();
  const worker = async () => {
    for (const [index, batch] of queue) {
      const answer = await client.send('POST', path, {
        body: batch.body,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': batch.contentType,
          Accept: 'application/json',
          'OData-Version': '4.0',
          'OData-MaxVersion': '4.0',
          Prefer: 'odata.continue-on-error',
        },
      });
      operations += batch.operations;
      if (answer.status !== 200) {
        if (problems.length < 5) problems.push(`batch ${index}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
        continue;
      }
      const statuses = batchStatuses(answer.body);
      const ok = statuses.filter((status) => status >= 200 && status < 300).length;
      succeeded += ok;
      if (ok < batch.operations && problems.length < 5) {
        const detail = /"message"\s*:\s*"([^"]{0,300})/.exec(answer.body)?.[1] ?? '';
        problems.push(`batch ${index}: ${batch.operations - ok} of ${batch.operations} operations failed ${detail}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { batches: batches.length, operations, succeeded, problems, elapsedMs: performance.now() - started };
}
