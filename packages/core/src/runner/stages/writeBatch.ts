import type { RecordDestination, WriteOptions, WriteOutcome } from '../../connectors/index.js';
import { isP2cError } from '../../errors/index.js';
import type { RecordWrite } from './RecordWrite.js';

/**
 * One write request. A fault of the request as a whole that is not fatal (a 500, a reset
 * connection, an answer that cannot be read) may come from one record in it, so the request is
 * sent again in halves, down to single records: only a record that fails on its own fails, and
 * the rest are written. Writes are upserts by natural key, so a record the lost request did write
 * is found again by its key (F&O: a create that meets it becomes an update), never made twice.
 * When the service took no request at all (throttled or unavailable past the retries,
 * unreachable), the records fail as they are and the next run tries them again; a fatal fault
 * (authentication) stops the run.
 */
export async function writeBatch(
  destination: RecordDestination,
  batch: readonly RecordWrite[],
  options: WriteOptions,
  warn: (message: string) => void,
): Promise<WriteOutcome[]> {
  return write(destination, batch, options, warn, true);
}

async function write(
  destination: RecordDestination,
  batch: readonly RecordWrite[],
  options: WriteOptions,
  warn: (message: string) => void,
  whole: boolean,
): Promise<WriteOutcome[]> {
  try {
    return await destination.write(
      batch.map(({ key, row, knownToExist }) => ({ key, row, knownToExist })),
      options,
    );
  } catch (error) {
    if (!isP2cError(error) || error.kind === 'fatal' || error.kind === 'config') throw error;
    if (batch.length > 1 && !error.serviceUnavailable) {
      // One warning for the request as it was asked for; the halves fail or succeed quietly.
      if (whole) {
        warn(
          `a write of ${batch.length} records failed as a whole (${error.message}); sending it again in smaller parts, so only records that fail on their own fail`,
        );
      }
      const half = Math.ceil(batch.length / 2);
      const first = await write(destination, batch.slice(0, half), options, warn, false);
      const second = await write(destination, batch.slice(half), options, warn, false);
      return [...first, ...second];
    }
    if (whole) warn(`a write of ${batch.length} record(s) failed: ${error.message}`);
    return batch.map((request) => ({
      key: request.key,
      status: 'failed',
      code: error.code,
      message: `The write did not complete: ${error.message}`,
      retryable: error.kind === 'transient',
    }));
  }
}
