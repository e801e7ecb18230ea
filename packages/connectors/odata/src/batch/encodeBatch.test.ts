import { ConfigError } from '@p2c/core';
import { describe, expect, it } from 'vitest';
import { recordedMessage } from '../../test/support/recordedMessage.js';
import { formatEntityKey } from '../keys/formatEntityKey.js';
import type { BatchPart } from './BatchPart.js';
import { encodeBatch } from './encodeBatch.js';

const account = 'accounts(00000000-0000-0000-0000-000000000001)';

describe('encodeBatch', () => {
  it('writes the Dataverse changeset example byte for byte', () => {
    const recorded = recordedMessage('dataverse-changeset.request.http');
    const parts: BatchPart[] = [
      {
        changeset: [1, 2, 3].map((n) => ({
          method: 'POST' as const,
          url: 'tasks',
          body: { subject: `Task ${n} in batch`, 'regardingobjectid_account_task@odata.bind': account },
        })),
      },
      { method: 'GET', url: `${account}/Account_Tasks?$select=subject` },
    ];
    const encoded = encodeBatch(
      parts,
      'https://contoso.crm.dynamics.com/api/data/v9.2/',
      'batch_22975cad-7f57-410d-be15-6363209367ea',
    );
    expect(encoded.contentType).toBe(recorded.headers['content-type']);
    expect(encoded.body).toBe(recorded.body);
  });

  it('writes F&O changesets with keys, If-Match, and Content-IDs numbered across the batch', () => {
    const recorded = recordedMessage('finops-changesets.request.http');
    const parts: BatchPart[] = [
      {
        changeset: [
          {
            method: 'PATCH',
            url: `CustomersV3${formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: 'ACC-01000-BVRCPS' })}`,
            headers: { 'If-Match': '*' },
            body: { OrganizationName: 'Fourth Coffee', CustomerGroupId: '10', SalesCurrencyCode: 'USD' },
          },
        ],
      },
      {
        changeset: [
          {
            method: 'POST',
            url: 'CustomersV3',
            body: {
              dataAreaId: 'usmf',
              CustomerAccount: 'ACC-01001-BVRCPS',
              PartyType: 'Organization',
              OrganizationName: "O'Brien Ltd",
              CustomerGroupId: '99',
              SalesCurrencyCode: 'USD',
            },
          },
        ],
      },
      {
        method: 'DELETE',
        url: `CustomersV3${formatEntityKey({ dataAreaId: 'usmf', CustomerAccount: 'ACC-00999-BVRCPS' })}`,
        headers: { 'If-Match': 'W/"JzEsNTYzNzE0NDU3Njsn"' },
      },
    ];
    const encoded = encodeBatch(
      parts,
      'https://usmf-test.sandbox.operations.dynamics.com/data',
      'batch_5f1e2c1a-0b7d-4c37-9a52-2f4be0c7d8e1',
    );
    expect(encoded.contentType).toBe(recorded.headers['content-type']);
    expect(encoded.body).toBe(recorded.body);
  });

  it('uses CRLF line ends only', () => {
    const { body } = encodeBatch([{ method: 'GET', url: 'accounts' }], 'https://x.crm.dynamics.com/api/data/v9.2');
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('makes a fresh batch_<uuid> boundary by default', () => {
    const first = encodeBatch([{ method: 'GET', url: 'accounts' }], 'https://x');
    const second = encodeBatch([{ method: 'GET', url: 'accounts' }], 'https://x');
    expect(first.contentType).toMatch(/^multipart\/mixed; boundary=batch_[0-9a-f-]{36}$/);
    expect(first.contentType).not.toBe(second.contentType);
  });

  it('keeps Content-ID references and absolute URLs as given', () => {
    const { body } = encodeBatch(
      [
        {
          changeset: [
            { method: 'POST', url: 'contacts', body: { firstname: 'A' } },
            { method: 'PATCH', url: '$1', body: { lastname: 'B' } },
          ],
        },
        { method: 'GET', url: 'https://x/api/data/v9.2/accounts' },
      ],
      'https://x/api/data/v9.2',
      'batch_t',
    );
    expect(body).toContain('PATCH $1 HTTP/1.1\r\n');
    expect(body).toContain('GET https://x/api/data/v9.2/accounts HTTP/1.1\r\n');
    expect(body).toContain('Content-ID: 2\r\n');
  });

  it('refuses a GET inside a changeset, an empty changeset, and header injection', () => {
    expect(() => encodeBatch([{ changeset: [{ method: 'GET', url: 'accounts' }] }], 'https://x')).toThrow(ConfigError);
    expect(() => encodeBatch([{ changeset: [] }], 'https://x')).toThrow(ConfigError);
    expect(() =>
      encodeBatch([{ method: 'DELETE', url: 'a(1)', headers: { 'If-Match': '*\r\nX-Evil: 1' } }], 'https://x'),
    ).toThrow(ConfigError);
  });
});
