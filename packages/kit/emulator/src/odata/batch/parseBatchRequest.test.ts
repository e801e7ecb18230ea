import { describe, expect, it } from 'vitest';
import { BatchFormatError, parseBatchRequest } from './parseBatchRequest.js';

const CONTENT_TYPE = 'multipart/mixed; boundary=batch_abc';

describe('parseBatchRequest', () => {
  it('reads top-level requests and change sets written with CRLF', () => {
    const body = [
      '--batch_abc',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      'GET accounts?$select=name HTTP/1.1',
      'Accept: application/json',
      '',
      '--batch_abc',
      'Content-Type: multipart/mixed; boundary="changeset_1"',
      '',
      '--changeset_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      'Content-ID: 7',
      '',
      'POST https://org.crm.dynamics.com/api/data/v9.2/accounts HTTP/1.1',
      'Content-Type: application/json',
      '',
      '{"name":"A"}',
      '--changeset_1--',
      '--batch_abc--',
      '',
    ].join('\r\n');
    expect(parseBatchRequest(CONTENT_TYPE, body)).toEqual([
      {
        kind: 'operation',
        operation: expect.objectContaining({ method: 'GET', url: 'accounts?$select=name', body: '' }),
      },
      {
        kind: 'changeset',
        operations: [
          expect.objectContaining({
            method: 'POST',
            url: 'https://org.crm.dynamics.com/api/data/v9.2/accounts',
            body: '{"name":"A"}',
            contentId: '7',
          }),
        ],
      },
    ]);
  });

  it('accepts bare LF line ends and a Content-ID inside the request headers', () => {
    const body = [
      '--batch_abc',
      'Content-Type: multipart/mixed; boundary=cs',
      '',
      '--cs',
      'Content-Type: application/http',
      '',
      "PATCH /api/data/v9.2/accounts(accountnumber='A') HTTP/1.1",
      'Content-ID: x1',
      'If-Match: *',
      '',
      '{"name":"B"}',
      '',
      '--cs--',
      '--batch_abc--',
    ].join('\n');
    const [entry] = parseBatchRequest(CONTENT_TYPE, body);
    expect(entry).toMatchObject({ kind: 'changeset' });
    const operation = entry?.kind === 'changeset' ? entry.operations[0] : undefined;
    expect(operation?.contentId).toBe('x1');
    expect(operation?.headers.get('if-match')).toBe('*');
    expect(operation?.body).toBe('{"name":"B"}');
  });

  it('refuses a body that is not multipart/mixed and a GET inside a change set', () => {
    expect(() => parseBatchRequest('application/json', '{}')).toThrow(BatchFormatError);
    const body = [
      '--batch_abc',
      'Content-Type: multipart/mixed; boundary=cs',
      '',
      '--cs',
      'Content-Type: application/http',
      '',
      'GET accounts HTTP/1.1',
      '',
      '--cs--',
      '--batch_abc--',
    ].join('\r\n');
    expect(() => parseBatchRequest(CONTENT_TYPE, body)).toThrow('A change set must not contain a GET request');
  });
});
