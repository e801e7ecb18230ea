import { describe, expect, it } from 'vitest';
import { recordedMessage } from '../../test/support/recordedMessage.js';
import { decodeBatchResponse } from './decodeBatchResponse.js';

const ORG = 'https://contoso.crm.dynamics.com/api/data/v9.2';
const FO = 'https://usmf-test.sandbox.operations.dynamics.com/data';

function decodeRecorded(name: string) {
  const recorded = recordedMessage(name);
  return decodeBatchResponse(recorded.body, recorded.headers['content-type'] ?? '');
}

describe('decodeBatchResponse', () => {
  it('reads the Dataverse batch example: three 204s with headers and no body, then a JSON 200', () => {
    const items = decodeRecorded('dataverse-batch.response.http');
    expect(items.map((item) => [item.status, item.part, item.inChangeset])).toEqual([
      [204, 0, false],
      [204, 1, false],
      [204, 2, false],
      [200, 3, false],
    ]);
    expect(items[0]).toMatchObject({
      statusText: 'No Content',
      headers: {
        'odata-version': '4.0',
        location: `${ORG}/tasks(d31ba648-c592-ed11-aad1-000d3a993550)`,
        'odata-entityid': `${ORG}/tasks(d31ba648-c592-ed11-aad1-000d3a993550)`,
      },
      bodyText: '',
      body: undefined,
    });
    expect(items[3]?.body).toMatchObject({
      '@odata.context': `${ORG}/$metadata#tasks(subject)`,
      value: [
        { '@odata.etag': 'W/"77180907"', subject: 'Task 1 in batch' },
        { subject: 'Task 2 in batch' },
        { subject: 'Task 3 in batch' },
      ],
    });
  });

  it('reads a nested changeset response with its Content-IDs', () => {
    const items = decodeRecorded('dataverse-changeset.response.http');
    expect(items.map((item) => [item.status, item.contentId, item.part, item.inChangeset])).toEqual([
      [204, '1', 0, true],
      [204, '2', 0, true],
      [204, '3', 0, true],
      [200, undefined, 1, false],
    ]);
    expect(items[2]?.headers['odata-entityid']).toBe(`${ORG}/tasks(e93ffc82-e292-ed11-aad1-000d3a9933c9)`);
  });

  it('reads the error parts of the continue-on-error and stop-on-error examples', () => {
    const continued = decodeRecorded('dataverse-continue-on-error.response.http');
    expect(continued.map((item) => item.status)).toEqual([400, 204, 204]);
    expect(continued[0]?.body).toEqual({
      error: {
        code: '0x80044331',
        message:
          "A validation error occurred.  The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed length of '200'.",
      },
    });
    expect(continued[0]?.headers['req_id']).toBe('de4c5227-4a28-4ebd-8ced-3392ece1697b');

    const stopped = decodeRecorded('dataverse-stop-on-error.response.http');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.status).toBe(400);
  });

  it('reads F&O CRLF responses: a bodiless 204 with an ETag, a 201 whose body ends at the boundary', () => {
    const items = decodeRecorded('finops-changesets.response.http');
    expect(items.map((item) => [item.status, item.contentId, item.part, item.inChangeset])).toEqual([
      [204, '1', 0, true],
      [201, '2', 1, true],
      [204, undefined, 2, false],
    ]);
    expect(items[0]).toMatchObject({ headers: { etag: 'W/"JzEsNTYzNzE0NDU3Nzsn"' }, body: undefined });
    expect(items[1]?.headers['location']).toBe(
      `${FO}/CustomersV3(dataAreaId='usmf',CustomerAccount='ACC-01001-BVRCPS')`,
    );
    expect(items[1]?.body).toMatchObject({ CustomerAccount: 'ACC-01001-BVRCPS', OrganizationName: "O'Brien Ltd" });
    expect(items[1]?.bodyText.endsWith('}')).toBe(true);
  });

  it('reads an error part standing in for a failed F&O changeset', () => {
    const items = decodeRecorded('finops-failed-changeset.response.http');
    expect(items.map((item) => [item.status, item.part, item.inChangeset])).toEqual([
      [204, 0, true],
      [400, 1, false],
      [204, 2, false],
    ]);
    expect(items[1]?.body).toMatchObject({ error: { message: 'An error has occurred.' } });
  });

  it('gives the same answer for CRLF and LF line ends', () => {
    for (const name of ['dataverse-changeset.response.http', 'finops-changesets.response.http']) {
      const recorded = recordedMessage(name);
      const type = recorded.headers['content-type'] ?? '';
      const lf = decodeBatchResponse(recorded.body.replaceAll('\r\n', '\n'), type);
      const crlf = decodeBatchResponse(recorded.body.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n'), type);
      expect(crlf).toEqual(lf);
      expect(lf.length).toBeGreaterThan(0);
    }
  });

  it('reads bodies with or without trailing newlines, a quoted boundary, and ignores a preamble', () => {
    const body = (ending: string) =>
      `preamble text\r\n--b1\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"a":1}${ending}--b1--`;
    for (const ending of ['\r\n', '\r\n\r\n', '\n', '\n\n\n']) {
      const items = decodeBatchResponse(body(ending), 'multipart/mixed; boundary="b1"');
      expect(items).toHaveLength(1);
      expect(items[0]?.body).toEqual({ a: 1 });
      expect(items[0]?.bodyText).toBe('{"a":1}');
    }
  });

  it('keeps a non-JSON body as text', () => {
    const items = decodeBatchResponse(
      "--b\nContent-Type: application/http\n\nHTTP/1.1 400 Bad Request\nContent-Type: text/plain\n\nContent-ID Reference: '$1' does not exist in the batch context.\n--b--\n",
      'multipart/mixed; boundary=b',
    );
    expect(items[0]?.body).toBe("Content-ID Reference: '$1' does not exist in the batch context.");
  });

  it('throws on a content type without boundary, or a part that is not an HTTP response', () => {
    expect(() => decodeBatchResponse('', 'application/json')).toThrow(/boundary/);
    expect(() =>
      decodeBatchResponse('--b\nContent-Type: application/http\n\nnonsense\n--b--', 'multipart/mixed; boundary=b'),
    ).toThrow(/not an HTTP response/);
  });
});
