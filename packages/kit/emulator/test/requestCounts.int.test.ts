import { describe, expect, it } from 'vitest';
import { batchBody, changeset, httpPart } from './support/multipart.js';
import { startSession } from './support/session.js';

describe('request counts', () => {
  it('counts reads and writes per service, a $batch once plus its operations', async () => {
    const { emulator, sales, finops } = await startSession();
    expect(emulator.requestCounts().auth).toEqual({ reads: 0, writes: 1, batches: 0, batchOperations: 0, total: 1 });
    emulator.resetRequestCounts();

    await sales('accounts');
    await sales('accounts', { method: 'POST', json: { name: 'A' } });
    await finops('CustomersV3');
    const body = batchBody('b', [
      httpPart(['GET accounts HTTP/1.1']),
      changeset('c', [
        httpPart(['POST accounts HTTP/1.1', 'Content-Type: application/json'], { body: { name: 'B' } }),
        httpPart(['POST accounts HTTP/1.1', 'Content-Type: application/json'], { body: { name: 'C' } }),
      ]),
    ]);
    await sales('$batch', { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=b' }, body });

    expect(emulator.requestCounts()).toEqual({
      sales: { reads: 2, writes: 3, batches: 1, batchOperations: 3, total: 3 },
      finops: { reads: 1, writes: 0, batches: 0, batchOperations: 0, total: 1 },
      auth: { reads: 0, writes: 0, batches: 0, batchOperations: 0, total: 0 },
    });
    emulator.resetRequestCounts();
    expect(emulator.requestCounts().sales.total).toBe(0);
  });

  it('does not count requests refused for want of a token', async () => {
    const { emulator } = await startSession();
    emulator.resetRequestCounts();
    await emulator.handle(new Request('https://p2c-demo.crm.dynamics.com/api/data/v9.2/accounts'));
    expect(emulator.requestCounts().sales.total).toBe(0);
  });
});
