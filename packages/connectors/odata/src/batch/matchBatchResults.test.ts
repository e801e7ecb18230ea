import { describe, expect, it } from 'vitest';
import { recordedMessage } from '../../test/support/recordedMessage.js';
import type { BatchPart, BatchRequest } from './BatchPart.js';
import { decodeBatchResponse } from './decodeBatchResponse.js';
import { matchBatchResults } from './matchBatchResults.js';

function decodeRecorded(name: string) {
  const recorded = recordedMessage(name);
  return decodeBatchResponse(recorded.body, recorded.headers['content-type'] ?? '');
}

const task = (n: number): BatchRequest => ({ method: 'POST', url: 'tasks', body: { subject: `Task ${n} in batch` } });

describe('matchBatchResults', () => {
  it('gives each request of a failed F&O changeset the Infolog error, and keeps the others', () => {
    const patch: BatchRequest = {
      method: 'PATCH',
      url: "CustomersV3(dataAreaId='usmf',CustomerAccount='A')",
      body: {},
    };
    const post1: BatchRequest = { method: 'POST', url: 'CustomersV3', body: { CustomerGroupId: '99' } };
    const post2: BatchRequest = { method: 'POST', url: 'CustomerPostalAddresses', body: {} };
    const del: BatchRequest = { method: 'DELETE', url: "CustomersV3(dataAreaId='usmf',CustomerAccount='Z')" };
    const parts: BatchPart[] = [{ changeset: [patch] }, { changeset: [post1, post2] }, del];

    const results = matchBatchResults(parts, decodeRecorded('finops-failed-changeset.response.http'));

    expect(results.map((result) => [result.request, result.status])).toEqual([
      [patch, 204],
      [post1, 400],
      [post2, 400],
      [del, 204],
    ]);
    expect(results[0]?.error).toBeUndefined();
    for (const failed of [results[1], results[2]]) {
      expect(failed?.error?.kind).toBe('record');
      expect(failed?.error?.message).toContain("The value '99' in field 'Customer group' is not found");
    }
    expect(results[1]?.error).not.toBe(results[2]?.error);
  });

  it('maps a rolled-back Dataverse changeset the same way', () => {
    const parts: BatchPart[] = [
      { changeset: [task(1), task(2), task(3)] },
      { method: 'PATCH', url: 'accounts(1)', body: {} },
    ];
    const results = matchBatchResults(parts, decodeRecorded('dataverse-failed-changeset.response.http'));
    expect(results.map((result) => result.status)).toEqual([412, 412, 412, 204]);
    expect(results[0]?.error?.odataCode).toBe('0x80040237');
    expect(results[3]?.headers['odata-entityid']).toContain('accounts(5f9a2c6e');
  });

  it('matches changeset items by Content-ID and keeps the GET result after it', () => {
    const get: BatchRequest = { method: 'GET', url: 'accounts(1)/Account_Tasks?$select=subject' };
    const results = matchBatchResults(
      [{ changeset: [task(1), task(2), task(3)] }, get],
      decodeRecorded('dataverse-changeset.response.http'),
    );
    expect(results.map((result) => result.status)).toEqual([204, 204, 204, 200]);
    expect(results[1]?.headers['odata-entityid']).toContain('tasks(e83ffc82');
    expect(results[3]?.request).toBe(get);
    expect((results[3]?.body as { value: unknown[] }).value).toHaveLength(3);
  });

  it('marks requests after a stop-on-error failure as not executed (424, transient)', () => {
    const results = matchBatchResults(
      [task(1), task(2), task(3)],
      decodeRecorded('dataverse-stop-on-error.response.http'),
    );
    expect(results.map((result) => result.status)).toEqual([400, 424, 424]);
    expect(results[0]?.error?.kind).toBe('record');
    expect(results[0]?.error?.message).toContain("exceeded the maximum allowed length of '200'");
    expect(results[1]?.error).toMatchObject({ kind: 'transient', code: 'BATCH_NOT_EXECUTED' });
  });

  it('reports each result of a continue-on-error batch', () => {
    const results = matchBatchResults(
      [task(1), task(2), task(3)],
      decodeRecorded('dataverse-continue-on-error.response.http'),
    );
    expect(results.map((result) => [result.status, result.error?.kind])).toEqual([
      [400, 'record'],
      [204, undefined],
      [204, undefined],
    ]);
  });
});
