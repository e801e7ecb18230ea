import { ConfigError } from '@p2c/core';
import { ODataError, type BatchItemResult, type BatchPart, type BatchRequest, type ODataClient } from '@p2c/odata';
import { describe, expect, it } from 'vitest';
import { DataverseDestination } from './DataverseDestination.js';

type Answer = (request: BatchRequest) => { status: number; code?: string; message?: string };

/** A client whose `$batch` answers each request by `answer`, recording what was sent. */
function stubClient(answer: Answer) {
  const sent: BatchPart[][] = [];
  const client = {
    async batch(parts: BatchPart[], options: { continueOnError?: boolean }): Promise<BatchItemResult[]> {
      expect(options.continueOnError).toBe(true);
      sent.push(parts);
      return parts
        .flatMap((part) => ('changeset' in part ? part.changeset : [part]))
        .map((request) => {
          const { status, code, message } = answer(request);
          const result: BatchItemResult = { request, status, headers: {}, body: undefined };
          if (status >= 400) result.error = new ODataError(message ?? `HTTP ${status}`, { status, odataCode: code });
          return result;
        });
    },
  };
  return { client: client as unknown as ODataClient, sent };
}

const ok: Answer = () => ({ status: 204 });

describe('DataverseDestination', () => {
  it('leaves the fields a create may not carry out of a create and sets them by an update right after; an update carries them', async () => {
    const { client, sent } = stubClient(ok);
    const ref = {
      entity: 'products',
      key: ['productnumber'],
      fields: ['name', 'pricelevelid@odata.bind'],
      options: { notOnCreate: ['pricelevelid@odata.bind'] },
    };
    const row = (productnumber: string) => ({
      productnumber,
      name: 'Speaker',
      'pricelevelid@odata.bind': '/pricelevels(b5f0c1a2-0000-4000-8000-000000000001)',
    });
    const outcomes = await new DataverseDestination(client, ref).write(
      [
        { key: 'NEW', row: row('NEW'), knownToExist: false },
        { key: 'OLD', row: row('OLD'), knownToExist: true },
      ],
      { dryRun: false },
    );

    expect(outcomes.map((o) => [o.key, o.status])).toEqual([
      ['NEW', 'created'],
      ['OLD', 'updated'],
    ]);
    const requests = sent.flatMap((parts) => parts.flatMap((part) => ('changeset' in part ? part.changeset : [part])));
    expect(requests.map((r) => [r.url, r.headers, r.body])).toEqual([
      ["products(productnumber='NEW')", { 'If-None-Match': '*' }, { productnumber: 'NEW', name: 'Speaker' }],
      ["products(productnumber='OLD')", { 'If-Match': '*' }, row('OLD')],
      [
        "products(productnumber='NEW')",
        { 'If-Match': '*' },
        { productnumber: 'NEW', 'pricelevelid@odata.bind': '/pricelevels(b5f0c1a2-0000-4000-8000-000000000001)' },
      ],
    ]);
  });

  it('fails a created record whose second step Dataverse refused, with its message', async () => {
    const { client } = stubClient((request) =>
      request.headers?.['If-Match'] === '*'
        ? { status: 400, code: '0x80040203', message: 'The price list is inactive.' }
        : { status: 204 },
    );
    const ref = {
      entity: 'products',
      key: ['productnumber'],
      fields: [],
      options: { notOnCreate: ['pricelevelid@odata.bind'] },
    };
    const [outcome] = await new DataverseDestination(client, ref).write(
      [
        {
          key: 'NEW',
          row: { productnumber: 'NEW', 'pricelevelid@odata.bind': '/pricelevels(x)' },
          knownToExist: false,
        },
      ],
      { dryRun: false },
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('The price list is inactive.'),
    });
  });

  it('writes a table without an alternate key by the GUID the record chose, and refuses a key that is not one', async () => {
    const { client, sent } = stubClient(ok);
    const ref = {
      entity: 'salesorderdetails',
      key: ['salesorderdetailid'],
      fields: ['quantity'],
      options: { primaryKey: true },
    };
    const destination = new DataverseDestination(client, ref);
    const id = '0f8fad5b-d9cb-569f-a165-70867728950e';

    const outcomes = await destination.write(
      [
        {
          key: id,
          row: { salesorderdetailid: id, quantity: 2, 'salesorderid@odata.bind': "/salesorders(ordernumber='SO-1')" },
          knownToExist: false,
        },
        { key: 'x', row: { salesorderdetailid: 'SO-1|1', quantity: 1 }, knownToExist: false },
      ],
      { dryRun: false },
    );

    expect(sent[0]).toEqual([
      {
        changeset: [
          {
            method: 'PATCH',
            url: `salesorderdetails(${id})`,
            headers: { 'If-None-Match': '*' },
            body: { quantity: 2, 'salesorderid@odata.bind': "/salesorders(ordernumber='SO-1')" },
          },
        ],
      },
    ]);
    expect(outcomes).toEqual([
      { key: id, status: 'created' },
      expect.objectContaining({
        key: 'x',
        status: 'failed',
        code: 'DESTINATION_KEY_INVALID',
        message: expect.stringContaining('is not a GUID'),
      }),
    ]);
  });

  it('addresses a composite alternate key and sends null to clear a column', async () => {
    const { client, sent } = stubClient(ok);
    const destination = new DataverseDestination(client, {
      entity: 'products',
      key: ['productnumber', 'vendorid'],
      fields: ['name', 'description'],
    });

    await destination.write(
      [
        {
          key: 'P-1|V',
          row: { productnumber: "P'1", vendorid: 'V 2', name: 'Bolt', description: null },
          knownToExist: true,
        },
      ],
      {
        dryRun: false,
      },
    );

    expect(sent).toEqual([
      [
        {
          changeset: [
            {
              method: 'PATCH',
              url: "products(productnumber='P''1',vendorid='V%202')",
              headers: { 'If-Match': '*' },
              body: { productnumber: "P'1", vendorid: 'V 2', name: 'Bolt', description: null },
            },
          ],
        },
      ],
    ]);
  });

  it('groups requests in change sets of changesetSize', async () => {
    const { client, sent } = stubClient(ok);
    const destination = new DataverseDestination(client, {
      entity: 'accounts',
      key: ['accountnumber'],
      fields: ['name'],
    });
    const batch = ['A', 'B', 'C', 'D', 'E'].map((n) => ({
      key: n,
      row: { accountnumber: n, name: n },
      knownToExist: false,
    }));

    const outcomes = await destination.write(batch, { dryRun: false, changesetSize: 2 });

    expect(outcomes.every((outcome) => outcome.status === 'created')).toBe(true);
    expect(sent[0]!.map((part) => ('changeset' in part ? part.changeset.length : 0))).toEqual([2, 2, 1]);
  });

  it('splits a call at the 1000 requests a $batch may hold', async () => {
    const { client, sent } = stubClient(ok);
    const destination = new DataverseDestination(client, {
      entity: 'accounts',
      key: ['accountnumber'],
      fields: ['name'],
    });
    const batch = Array.from({ length: 1001 }, (_, n) => ({
      key: `A${n}`,
      row: { accountnumber: `A${n}`, name: 'x' },
      knownToExist: true,
    }));

    const outcomes = await destination.write(batch, { dryRun: false, changesetSize: 5000 });

    expect(outcomes.filter((outcome) => outcome.status === 'updated')).toHaveLength(1001);
    expect(sent.map((parts) => parts.length)).toEqual([1, 1]);
  });

  it('does not take a 412 for another key of the table as "this row exists"', async () => {
    const { client, sent } = stubClient(() => ({
      status: 412,
      code: '0x80060892',
      message: 'A record that has the attribute values Account Number already exists.',
    }));
    const destination = new DataverseDestination(client, {
      entity: 'accounts',
      key: ['name'],
      fields: ['accountnumber'],
    });

    const outcomes = await destination.write(
      [{ key: 'A', row: { name: 'A', accountnumber: 'X' }, knownToExist: false }],
      { dryRun: false },
    );

    expect(outcomes).toEqual([
      {
        key: 'A',
        status: 'failed',
        code: 'DESTINATION_REJECTED',
        message:
          'Dataverse accounts rejected the record: A record that has the attribute values Account Number already exists.',
        retryable: false,
      },
    ]);
    expect(sent).toHaveLength(1);
  });

  it('sends a lone record once more after a passing fault, then gives up as retryable', async () => {
    const { client, sent } = stubClient(() => ({ status: 503, message: 'Service Unavailable' }));
    const destination = new DataverseDestination(client, {
      entity: 'accounts',
      key: ['accountnumber'],
      fields: ['name'],
    });

    const outcomes = await destination.write(
      [{ key: 'A', row: { accountnumber: 'A', name: 'A' }, knownToExist: true }],
      { dryRun: false },
    );

    expect(outcomes).toEqual([
      {
        key: 'A',
        status: 'failed',
        code: 'DESTINATION_ERROR',
        message: expect.stringContaining('Service Unavailable'),
        retryable: true,
      },
    ]);
    expect(sent).toHaveLength(2);
  });

  it('switches between update and create at most once', async () => {
    // A row deleted and created again between the requests: 404, then 412.
    const answers = [404, 412];
    const { client, sent } = stubClient(() => ({ status: answers.shift() ?? 204 }));
    const destination = new DataverseDestination(client, {
      entity: 'accounts',
      key: ['accountnumber'],
      fields: ['name'],
    });

    const outcomes = await destination.write(
      [{ key: 'A', row: { accountnumber: 'A', name: 'A' }, knownToExist: true }],
      { dryRun: false },
    );

    expect(outcomes[0]).toMatchObject({ status: 'failed', retryable: false });
    expect(sent).toHaveLength(2);
  });

  it('refuses invalid options and a table without key columns', () => {
    const { client } = stubClient(ok);
    expect(
      () =>
        new DataverseDestination(client, {
          entity: 'accounts',
          key: ['accountnumber'],
          fields: [],
          options: { lookupChunkSize: 0 },
        }),
    ).toThrow(/options\.lookupChunkSize/);
    expect(() => new DataverseDestination(client, { entity: 'accounts', key: [], fields: [] })).toThrow(ConfigError);
  });
});
