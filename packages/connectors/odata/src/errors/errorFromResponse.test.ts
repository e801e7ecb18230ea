import { P2cError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { errorFromResponse, type ErroredResponse } from './errorFromResponse.js';
import { ODataError } from './ODataError.js';

function response(
  status: number,
  bodyText: string,
  headers: Record<string, string> = {},
  statusText = '',
): ErroredResponse {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status, statusText, bodyText, header: (name) => lower[name.toLowerCase()] };
}

const dataverseBody = JSON.stringify({
  error: {
    code: '0x80044331',
    message:
      "A validation error occurred.  The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.",
  },
});

const infolog =
  "Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Error: The value '99' in field 'Customer group' is not found in the related table 'Customer groups'.; Error: Update has been canceled.";
const finOpsBody = JSON.stringify({
  error: {
    code: '',
    message: 'An error has occurred.',
    innererror: {
      message: infolog,
      type: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
      stacktrace: '   at Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataDelegatingHandler...',
    },
  },
});

describe('errorFromResponse', () => {
  it('reads the Dataverse error body', () => {
    const error = errorFromResponse(response(400, dataverseBody), { method: 'PATCH', url: 'https://x/accounts(1)' });
    expect(error).toBeInstanceOf(ODataError);
    expect(error).toBeInstanceOf(P2cError);
    expect(error.message).toBe(
      "A validation error occurred.  The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.",
    );
    expect(error.odataCode).toBe('0x80044331');
    expect(error.status).toBe(400);
    expect(error.kind).toBe('record');
    expect(error.code).toBe('HTTP_400');
    expect(error.method).toBe('PATCH');
  });

  it("prefers F&O's Infolog text over its generic message", () => {
    const error = errorFromResponse(response(400, finOpsBody));
    expect(error.message).toBe(infolog);
    expect(error.message).toContain("The value '99' in field 'Customer group' is not found");
    expect(error.odataCode).toBeUndefined();
    expect(error.kind).toBe('record');
  });

  it('treats an F&O write failure answered with 500 as a record error', () => {
    expect(errorFromResponse(response(500, finOpsBody)).kind).toBe('record');
    const plain500 = JSON.stringify({ error: { code: '', message: 'An error has occurred.' } });
    expect(errorFromResponse(response(500, plain500)).kind).toBe('transient');
  });

  it('keeps a short plain-text body as the message', () => {
    const error = errorFromResponse(
      response(400, "Content-ID Reference: '$1' does not exist in the batch context.\r\n"),
    );
    expect(error.message).toBe("Content-ID Reference: '$1' does not exist in the batch context.");
  });

  it('does not dump an HTML page into the message', () => {
    const html =
      '<!DOCTYPE html><html><head><title>502 - Web server received an invalid response</title></head><body>...lots...</body></html>';
    const error = errorFromResponse(response(502, html, { 'Content-Type': 'text/html' }, 'Bad Gateway'));
    expect(error.message).toBe('HTTP 502 Bad Gateway: 502 - Web server received an invalid response');
    expect(error.kind).toBe('transient');
  });

  it('falls back to the status for an empty body', () => {
    expect(errorFromResponse(response(503, '', {}, 'Service Unavailable')).message).toBe(
      'HTTP 503 Service Unavailable',
    );
    expect(errorFromResponse(response(404, '')).message).toBe('HTTP 404');
  });

  it('uses the generic message when JSON is not an OData error', () => {
    expect(errorFromResponse(response(400, '{"Message":"odd"}')).message).toBe('{"Message":"odd"}');
  });

  it('reads Retry-After in seconds or as a date on 429 and 503 only', () => {
    expect(errorFromResponse(response(429, '', { 'Retry-After': '7' })).retryAfterSeconds).toBe(7);
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const fromDate = errorFromResponse(response(503, '', { 'Retry-After': inTwoMinutes })).retryAfterSeconds;
    expect(fromDate).toBeGreaterThanOrEqual(119);
    expect(fromDate).toBeLessThanOrEqual(121);
    expect(errorFromResponse(response(500, '', { 'Retry-After': '7' })).retryAfterSeconds).toBeUndefined();
  });

  it('never repeats the bearer token', () => {
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-part';
    const body = JSON.stringify({ error: { code: 'x', message: `Bad header Authorization: Bearer ${token}` } });
    const error = errorFromResponse(response(400, body), { secrets: [token] });
    expect(error.message).not.toContain(token);
    expect(error.message).toContain('[redacted]');
  });
});

describe('classification by status', () => {
  it.each([
    [400, 'record'],
    [404, 'record'],
    [409, 'record'],
    [412, 'record'],
    [422, 'record'],
    [401, 'fatal'],
    [403, 'fatal'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [504, 'transient'],
  ])('%i is %s', (status, kind) => {
    expect(errorFromResponse(response(status, dataverseBody)).kind).toBe(kind);
  });
});
