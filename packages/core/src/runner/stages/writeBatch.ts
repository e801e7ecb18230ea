import type { RecordDestination, WriteOptions, WriteOutcome } from '../../connectors/index.js';
import { isP2cError, type P2cError } from '../../errors/index.js';
import type { RecordWrite } from './RecordWrite.js';

/**
 * The service refused the whole request before doing anything and stayed so through the
 * client's retries (throttled, unavailable): smaller requests would only add to its load.
 */
const REFUSED_BEFORE_RUNNING = new Set(['HTTP_429', 'HTTP_503']);

/**
 * One write request. A fault of the request as a whole that is not fatal (a 500, a connection
 * reset, an answer that cannot be read) says nothing about which record caused it, so the
 * batch is sent again in two halves, down to single records: only a record that fails alone
 * is failed, and the next run tries it again. What the lost request did write is found again
 * by the destination (a create that meets the row becomes an update), so nothing is created
 * twice or counted as failed. A fatal fault (authentication) or a configuration one stops the
 * run; a service that refused the whole request outright fails the batch's records as they are.
 */
export async function writeBatch(
  destination: RecordDestination,
  batch: readonly RecordWrite[],
  options: WriteOptions,
  warn: (message: string) => void,
): Promise<WriteOutcome[]> {
  try {
    return await destination.write(
      batch.map(({ key, row, knownToExist }) => ({ key, row, knownToExist })),
      options,
    );
  } catch (error) {
    if (!isP2cError(error) || error.kind === 'fatal' || error.kind === 'config') throw error;
    if (batch.length > 1 && !REFUSED_BEFORE_RUNNING.has(error.code) && options.signal?.aborted !== true) {
      const middle = Math.ceil(batch.length / 2);
      warn(`a write of ${batch.length} records failed as a whole (${error.message}); sending it again in two parts`);
      const first = await writeBatch(destination, batch.slice(0, middle), options, warn);
      return [...first, ...(await writeBatch(destination, batch.slice(middle), options, warn))];
    }
    warn(`a write of ${batch.length} record(s) failed: ${error.message}`);
    return batch.map((write) => failedWrite(write, error));
  }
}

function failedWrite(write: RecordWrite, error: P2cError): WriteOutcome {
  return {
    key: write.key,
    status: 'failed',
    code: error.code,
    message: `The write did not complete: ${error.message}`,
    retryable: error.kind === 'transient',
  };
}
