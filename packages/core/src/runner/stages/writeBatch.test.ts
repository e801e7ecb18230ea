import { describe, expect, it } from 'vitest';
import type { RecordDestination, WriteRequest } from '../../connectors/index.js';
import { FatalError, TransientError } from '../../errors/index.js';
import type { PageItem } from '../PageItem.js';
import type { RecordWrite } from './RecordWrite.js';
import { writeBatch } from './writeBatch.js';

/** A destination that fails every request holding `poison` as a whole, with `error`. */
function destinationFailingOn(poison: string, error: Error): RecordDestination & { requests: string[][] } {
  const requests: string[][] = [];
  return {
    entity: 'Things',
    requests,
    write(batch: WriteRequest[]) {
      requests.push(batch.map((request) => request.key));
      if (batch.some((request) => request.key === poison)) return Promise.reject(error);
      return Promise.resolve(batch.map((request) => ({ key: request.key, status: 'created' as const })));
    },
  };
}

const writes = (keys: string[]): RecordWrite[] =>
  keys.map((key) => ({ key, row: { key }, knownToExist: false, hash: key, item: {} as PageItem }));

const KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

describe('writeBatch', () => {
  it('sends a request that failed as a whole again in halves, so only the record that fails alone fails', async () => {
    const destination = destinationFailingOn('E', new TransientError('HTTP 500', { code: 'HTTP_500' }));
    const warnings: string[] = [];
    const outcomes = await writeBatch(destination, writes(KEYS), { dryRun: false }, (m) => warnings.push(m));
    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['A', 'created'],
      ['B', 'created'],
      ['C', 'created'],
      ['D', 'created'],
      ['E', 'failed'],
      ['F', 'created'],
      ['G', 'created'],
    ]);
    // 7 -> 4 + 3 -> (3: E F, G) -> E alone: the halving, not one request per record.
    expect(destination.requests).toEqual([
      KEYS,
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G'],
      ['E', 'F'],
      ['E'],
      ['F'],
      ['G'],
    ]);
    expect(warnings).toEqual([
      'a write of 7 records failed as a whole (HTTP 500); sending it again in smaller parts, so only records that fail on their own fail',
    ]);
  });

  it('does not split when the service took no request at all: the records fail as they are, for the next run', async () => {
    const busy = new TransientError('HTTP 503', { code: 'HTTP_503', serviceUnavailable: true });
    const destination = destinationFailingOn('A', busy);
    const outcomes = await writeBatch(destination, writes(KEYS), { dryRun: false }, () => {});
    expect(destination.requests).toHaveLength(1);
    expect(outcomes.every((o) => o.status === 'failed' && o.retryable)).toBe(true);
  });

  it('stops the run on a fatal fault instead of splitting', async () => {
    const destination = destinationFailingOn('A', new FatalError('token refused', { code: 'AUTH' }));
    await expect(writeBatch(destination, writes(KEYS), { dryRun: false }, () => {})).rejects.toThrow('token refused');
    expect(destination.requests).toHaveLength(1);
  });
});
