import type { RecordDestination, WriteOptions, WriteOutcome } from '../../connectors/index.js';
import { isP2cError } from '../../errors/index.js';
import type { RecordWrite } from './RecordWrite.js';

/**
 * One write request. A fault of the request as a whole that is not fatal (the service stayed
 * unavailable through the retries, an answer that never came) fails its records, which the
 * next run tries again; a fatal one (authentication) stops the run.
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
    warn(`a write of ${batch.length} record(s) failed: ${error.message}`);
    return batch.map((write) => ({
      key: write.key,
      status: 'failed',
      code: error.code,
      message: `The write did not complete: ${error.message}`,
      retryable: error.kind === 'transient',
    }));
  }
}
