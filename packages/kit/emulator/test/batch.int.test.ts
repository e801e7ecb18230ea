import { describe, expect, it } from 'vitest';
import { aCustomer, anAccount } from './support/builders.js';
import { batchBody, changeset, httpPart, readBatchResponse } from './support/multipart.js';
import { startSession } from './support/session.js';

const BATCH = 'multipart/mixed; boundary=batch_7c2f';

function postAccount(body: unknown, contentId?: string): string {
  return httpPart(['POST /api/data/v9.2/accounts HTTP/1.1', 'Content-Type: application/json'], {
    body,
    ...(contentId ? { contentId } : {}),
  });
}

describe('Dataverse $batch', () => {
  it('answers each part with an application/http response under batchresponse and changesetresponse boundaries', async () => {
    const { sales } = await startSession({ sales: { accounts: [anAccount().numbered('ACC-1').build()] } });
    const body = batchBody('batch_7c2f', [
      httpPart(['GET accounts?$select=accountnumber HTTP/1.1', 'Accept: application/json']),
      changeset('changeset_91', [postAccount({ name: 'In set' }, '1'), postAccount({ name: 'Also in set' }, '2')]),
    ]);
    const response = await sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=batchresponse_[0-9a-f-]{36}$/);
    const text = await response.text();
    expect(text).toMatch(/Content-Type: multipart\/mixed; boundary=changesetresponse_[0-9a-f-]{36}/);
    expect(text).toContain('Content-Transfer-Encoding: binary');
    expect(text).toContain('HTTP/1.1 204 No Content');
    expect(readBatchResponse(response.headers.get('content-type'), text)).toEqual([
      expect.objectContaining({
        status: 200,
        inChangeset: false,
        body: expect.stringContaining('"accountnumber":"ACC-1"'),
      }),
      expect.objectContaining({ status: 204, contentId: '1', inChangeset: true }),
      expect.objectContaining({ status: 204, contentId: '2', inChangeset: true }),
    ]);
  });

  it('rolls a change set back on its first failure and answers with that failure alone', async () => {
    const { sales, emulator } = await startSession();
    const body = batchBody('batch_7c2f', [
      changeset('changeset_1', [
        postAccount({ name: 'Kept?' }, '1'),
        postAccount({ name: 'Too long', accountnumber: 'X'.repeat(21) }, '2'),
        postAccount({ name: 'Never run' }, '3'),
      ]),
    ]);
    const response = await sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts).toEqual([expect.objectContaining({ status: 400, contentId: '2', inChangeset: false })]);
    expect(JSON.parse(parts[0]?.body ?? '{}')).toMatchObject({ error: { code: '0x80044331' } });
    expect(emulator.sales.accounts.list()).toEqual([]);
  });

  it('stops at the first failed request without continue-on-error', async () => {
    const { sales, emulator } = await startSession();
    const body = batchBody('batch_7c2f', [
      postAccount({ name: 'First' }),
      postAccount({ nmae: 'Bad' }),
      postAccount({ name: 'Third' }),
    ]);
    const response = await sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts.map((part) => part.status)).toEqual([204, 400]);
    expect(emulator.sales.accounts.list().map((row) => row.name)).toEqual(['First']);
  });

  it('goes on after a failure with Prefer: odata.continue-on-error', async () => {
    const { sales, emulator } = await startSession();
    const body = batchBody('batch_7c2f', [
      postAccount({ nmae: 'Bad' }),
      changeset('cs_a', [postAccount({ name: 'Rolled back' }), postAccount({ name: '' })]),
      postAccount({ name: 'Third' }),
    ]);
    const response = await sales('$batch', {
      method: 'POST',
      headers: { 'Content-Type': BATCH, Prefer: 'odata.continue-on-error' },
      body,
    });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts.map((part) => part.status)).toEqual([400, 400, 204]);
    expect(emulator.sales.accounts.list().map((row) => row.name)).toEqual(['Third']);
  });

  it('parses LF-only bodies with absolute URLs and resolves $<Content-ID> references', async () => {
    const { sales, emulator } = await startSession();
    const lf = (part: string): string => part.replace(/\r\n/g, '\n');
    const body = batchBody(
      'batch_7c2f',
      [
        lf(
          changeset('cs_lf', [
            httpPart(
              [
                'POST https://p2c-demo.crm.dynamics.com/api/data/v9.2/accounts HTTP/1.1',
                'Content-Type: application/json',
              ],
              {
                contentId: 'new',
                body: { name: 'Created' },
              },
            ),
            httpPart(['PATCH $new HTTP/1.1', 'Content-Type: application/json'], {
              contentId: 'upd',
              body: { telephone1: '555' },
            }),
          ]).replace(/\r\n/g, '\n'),
        ),
      ],
      '\n',
    );
    const response = await sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    const parts = readBatchResponse(response.headers.get('content-type'), await response.text());
    expect(parts.map((part) => [part.status, part.contentId])).toEqual([
      [204, 'new'],
      [204, 'upd'],
    ]);
    expect(emulator.sales.accounts.list()).toEqual([expect.objectContaining({ name: 'Created', telephone1: '555' })]);
  });

  it('refuses more than 1000 requests', async () => {
    const { sales } = await startSession();
    const body = batchBody(
      'batch_7c2f',
      Array.from({ length: 1001 }, () => httpPart(['GET accounts HTTP/1.1'])),
    );
    const response = await sales('$batch', { method: 'POST', headers: { 'Content-Type': BATCH }, body });
    expect(response.status).toBe(400);
  });
});

describe('F&O $batch', () => {
  it('applies a change set atomically and rolls it back on a validation error', async () => {
    const { finops, emulator } = await startSession({
      finops: { customerGroups: ['10'], customers: [aCustomer('EXISTING').build()] },
    });
    const post = (account: string, group: string, contentId: string): string =>
      httpPart(['POST CustomersV3 HTTP/1.1', 'Content-Type: application/json'], {
        contentId,
        body: {
          CustomerAccount: account,
          OrganizationName: account,
          PartyType: 'Organization',
          CustomerGroupId: group,
          SalesCurrencyCode: 'USD',
        },
      });
    const ok = batchBody('b1', [changeset('c1', [post('N-1', '10', '1'), post('N-2', '10', '2')])]);
    const first = await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b1' },
      body: ok,
    });
    expect(readBatchResponse(first.headers.get('content-type'), await first.text()).map((part) => part.status)).toEqual(
      [201, 201],
    );

    const failing = batchBody('b2', [
      changeset('c2', [
        post('N-3', '10', '1'),
        httpPart(
          [
            "PATCH CustomersV3(dataAreaId='usmf',CustomerAccount='EXISTING') HTTP/1.1",
            'Content-Type: application/json',
          ],
          {
            contentId: '2',
            body: { SalesMemo: 'changed' },
          },
        ),
        post('N-4', '99', '3'),
      ]),
    ]);
    const second = await finops('$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/mixed; boundary=b2' },
      body: failing,
    });
    const parts = readBatchResponse(second.headers.get('content-type'), await second.text());
    expect(parts).toEqual([expect.objectContaining({ status: 400, contentId: '3', inChangeset: false })]);
    expect(
      emulator.finops.customers
        .list()
        .map((row) => row.CustomerAccount)
        .sort(),
    ).toEqual(['EXISTING', 'N-1', 'N-2']);
    expect(emulator.finops.customers.get('usmf', 'EXISTING')?.SalesMemo).toBe('');
  });
});
