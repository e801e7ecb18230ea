import type { WriteRequest } from '@p2c/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataverseConnector } from '../src/index.js';
import { accountByNumber, emulator, salesClient, sentBatches } from './harness.js';

const FIELDS = ['accountnumber', 'name', 'telephone1', 'address1_city'];

function accounts() {
  return new DataverseConnector(salesClient()).destination({
    entity: 'accounts',
    key: ['accountnumber'],
    fields: FIELDS,
  });
}

function request(accountnumber: string, row: Record<string, unknown>, knownToExist = false): WriteRequest {
  return { key: accountnumber, row: { accountnumber, ...row }, knownToExist };
}

beforeEach(() => {
  emulator.reset({
    sales: {
      accounts: [
        {
          name: 'Fourth Coffee',
          accountnumber: 'ACC-01000-AAAAAA',
          telephone1: '425-555-0100',
          address1_city: 'Redmond',
        },
        { name: 'Litware', accountnumber: 'ACC-01001-BBBBBB', telephone1: null, address1_city: 'Seattle' },
      ],
    },
  });
  emulator.resetRequestCounts();
});

describe('DataverseDestination.write', () => {
  it('creates rows it does not know, create-only, in one $batch', async () => {
    const outcomes = await accounts().write(
      [
        request('ACC-02000-CCCCCC', { name: 'Contoso', telephone1: null, address1_city: 'Oslo' }),
        request('ACC-02001-DDDDDD', { name: 'Fabrikam', telephone1: '555-0101', address1_city: null }),
      ],
      { dryRun: false },
    );

    expect(outcomes).toEqual([
      { key: 'ACC-02000-CCCCCC', status: 'created' },
      { key: 'ACC-02001-DDDDDD', status: 'created' },
    ]);
    expect(accountByNumber('ACC-02000-CCCCCC')).toMatchObject({
      name: 'Contoso',
      telephone1: null,
      address1_city: 'Oslo',
    });
    expect(accountByNumber('ACC-02001-DDDDDD')).toMatchObject({ name: 'Fabrikam', telephone1: '555-0101' });
    expect(await sentBatches()).toEqual([
      [
        { url: "accounts(accountnumber='ACC-02000-CCCCCC')", condition: 'If-None-Match' },
        { url: "accounts(accountnumber='ACC-02001-DDDDDD')", condition: 'If-None-Match' },
      ],
    ]);
  });

  it('updates known rows, update-only, and clears a column sent as null', async () => {
    const outcomes = await accounts().write(
      [request('ACC-01000-AAAAAA', { name: 'Fourth Coffee Ltd', telephone1: null, address1_city: 'Redmond' }, true)],
      { dryRun: false },
    );

    expect(outcomes).toEqual([{ key: 'ACC-01000-AAAAAA', status: 'updated' }]);
    expect(accountByNumber('ACC-01000-AAAAAA')).toMatchObject({ name: 'Fourth Coffee Ltd', telephone1: null });
    expect(emulator.sales.accounts.list()).toHaveLength(2);
    expect((await sentBatches()).flat()).toEqual([
      { url: "accounts(accountnumber='ACC-01000-AAAAAA')", condition: 'If-Match' },
    ]);
  });

  it('updates a row it thought new (412) and creates a row it thought known (404)', async () => {
    const outcomes = await accounts().write(
      [
        request('ACC-01001-BBBBBB', { name: 'Litware Inc' }, false),
        request('ACC-03000-EEEEEE', { name: 'Northwind' }, true),
      ],
      { dryRun: false, changesetSize: 1 },
    );

    expect(outcomes).toEqual([
      { key: 'ACC-01001-BBBBBB', status: 'updated' },
      { key: 'ACC-03000-EEEEEE', status: 'created' },
    ]);
    expect(accountByNumber('ACC-01001-BBBBBB')).toMatchObject({ name: 'Litware Inc', address1_city: 'Seattle' });
    expect(accountByNumber('ACC-03000-EEEEEE')).toMatchObject({ name: 'Northwind' });
    expect(await sentBatches()).toEqual([
      [
        { url: "accounts(accountnumber='ACC-01001-BBBBBB')", condition: 'If-None-Match' },
        { url: "accounts(accountnumber='ACC-03000-EEEEEE')", condition: 'If-Match' },
      ],
      [
        { url: "accounts(accountnumber='ACC-01001-BBBBBB')", condition: 'If-Match' },
        { url: "accounts(accountnumber='ACC-03000-EEEEEE')", condition: 'If-None-Match' },
      ],
    ]);
  });

  it('addresses keys holding quotes', async () => {
    const destination = accounts();
    const first = await destination.write([request("O'Brien", { name: "O'Brien & Sons" })], { dryRun: false });
    const second = await destination.write([request("O'Brien", { name: "O'Brien and Sons" })], { dryRun: false });

    expect(first).toEqual([{ key: "O'Brien", status: 'created' }]);
    expect(second).toEqual([{ key: "O'Brien", status: 'updated' }]);
    expect(emulator.sales.accounts.list().filter((row) => row.accountnumber === "O'Brien")).toEqual([
      expect.objectContaining({ name: "O'Brien and Sons" }),
    ]);
    expect((await sentBatches())[0]).toEqual([
      { url: "accounts(accountnumber='O''Brien')", condition: 'If-None-Match' },
    ]);
  });

  it('fails only the invalid record of a change set, with Dataverse message, and writes its mates once', async () => {
    const destination = accounts();
    const outcomes = await destination.write(
      [
        request('ACC-04000-AAAAAA', { name: 'Alpha' }),
        request('ACC-04001-BBBBBB', { name: 'x'.repeat(161) }),
        request('ACC-01000-AAAAAA', { name: 'Fourth Coffee Ltd' }, true),
        request('ACC-04003-DDDDDD', { name: 'Delta' }),
        request('ACC-04004-EEEEEEEEEEEEEEE', { name: 'Echo' }),
      ],
      { dryRun: false, changesetSize: 3 },
    );

    expect(outcomes).toEqual([
      { key: 'ACC-04000-AAAAAA', status: 'created' },
      {
        key: 'ACC-04001-BBBBBB',
        status: 'failed',
        code: 'DESTINATION_REJECTED',
        message: expect.stringContaining(
          "The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'",
        ),
        retryable: false,
      },
      { key: 'ACC-01000-AAAAAA', status: 'updated' },
      { key: 'ACC-04003-DDDDDD', status: 'created' },
      {
        key: 'ACC-04004-EEEEEEEEEEEEEEE',
        status: 'failed',
        code: 'DESTINATION_REJECTED',
        message: expect.stringContaining(
          "The length of the 'accountnumber' attribute of the 'account' entity exceeded the maximum allowed length of '20'",
        ),
        retryable: false,
      },
    ]);
    expect(accountByNumber('ACC-04000-AAAAAA')).toMatchObject({ name: 'Alpha' });
    expect(accountByNumber('ACC-01000-AAAAAA')).toMatchObject({ name: 'Fourth Coffee Ltd' });
    expect(accountByNumber('ACC-04003-DDDDDD')).toMatchObject({ name: 'Delta' });
    expect(accountByNumber('ACC-04001-BBBBBB')).toBeUndefined();
    expect(emulator.sales.accounts.list()).toHaveLength(4);
    // Both change sets were rolled back (each held a bad record); each record went once more alone.
    const sent = await sentBatches();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.map((patch) => patch.url)).toEqual(sent[0]!.map((patch) => patch.url));
  });

  it('sends again only the change set that failed: records written in another are not written twice', async () => {
    const destination = accounts();
    const outcomes = await destination.write(
      [
        request('ACC-05000-AAAAAA', { name: 'Alpha' }),
        request('ACC-05001-BBBBBB', { name: 'Bravo' }),
        request('ACC-05002-CCCCCC', { name: 'Charlie' }),
        request('ACC-05003-DDDDDD', { name: '' }),
      ],
      { dryRun: false, changesetSize: 2 },
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['created', 'created', 'created', 'failed']);
    expect(outcomes[3]).toMatchObject({
      message: expect.stringContaining("The 'name' attribute of the 'account' entity is required"),
    });
    const created = accountByNumber('ACC-05000-AAAAAA')!;
    const sent = await sentBatches();
    expect(sent.map((batch) => batch.map((patch) => patch.url))).toEqual([
      [
        "accounts(accountnumber='ACC-05000-AAAAAA')",
        "accounts(accountnumber='ACC-05001-BBBBBB')",
        "accounts(accountnumber='ACC-05002-CCCCCC')",
        "accounts(accountnumber='ACC-05003-DDDDDD')",
      ],
      ["accounts(accountnumber='ACC-05002-CCCCCC')", "accounts(accountnumber='ACC-05003-DDDDDD')"],
    ]);
    // Written once: still the version it got when it was created.
    expect(accountByNumber('ACC-05000-AAAAAA')?.versionnumber).toBe(created.versionnumber);
    expect(
      emulator.sales.accounts
        .list()
        .map((row) => row.accountnumber)
        .sort(),
    ).toEqual(['ACC-01000-AAAAAA', 'ACC-01001-BBBBBB', 'ACC-05000-AAAAAA', 'ACC-05001-BBBBBB', 'ACC-05002-CCCCCC']);
  });

  it('finds, alone, the row of a change set that already exists, and creates its mates', async () => {
    const outcomes = await accounts().write(
      [
        request('ACC-07000-AAAAAA', { name: 'Alpha' }),
        request('ACC-01000-AAAAAA', { name: 'Fourth Coffee Ltd' }),
        request('ACC-07002-CCCCCC', { name: 'Charlie' }),
      ],
      { dryRun: false, changesetSize: 3 },
    );

    expect(outcomes).toEqual([
      { key: 'ACC-07000-AAAAAA', status: 'created' },
      { key: 'ACC-01000-AAAAAA', status: 'updated' },
      { key: 'ACC-07002-CCCCCC', status: 'created' },
    ]);
    expect(accountByNumber('ACC-01000-AAAAAA')).toMatchObject({
      name: 'Fourth Coffee Ltd',
      telephone1: '425-555-0100',
    });
    expect(emulator.sales.accounts.list()).toHaveLength(4);
    expect((await sentBatches()).map((batch) => batch.length)).toEqual([3, 3, 1]);
  });

  it('sends a change set rolled back by a passing server fault once more, and every record lands', async () => {
    emulator.setFaults({
      script: [{ match: { service: 'sales', path: '$batch' }, fault: { changesetFailure: { status: 500 } } }],
    });
    try {
      const outcomes = await accounts().write(
        [request('ACC-08000-AAAAAA', { name: 'Alpha' }), request('ACC-08001-BBBBBB', { name: 'Bravo' })],
        { dryRun: false, changesetSize: 2 },
      );

      expect(outcomes).toEqual([
        { key: 'ACC-08000-AAAAAA', status: 'created' },
        { key: 'ACC-08001-BBBBBB', status: 'created' },
      ]);
      expect(emulator.sales.accounts.list()).toHaveLength(4);
      expect(emulator.requestCounts().sales.faults?.changesetFailure).toBe(1);
      expect((await sentBatches()).map((batch) => batch.length)).toEqual([2, 2]);
    } finally {
      emulator.setFaults(null);
    }
  });

  it('fails a record whose key Dataverse cannot address, without sending it', async () => {
    const outcomes = await accounts().write(
      [request('ACC/1', { name: 'Slash' }), { key: '', row: { name: 'No number' }, knownToExist: false }],
      { dryRun: false },
    );

    expect(outcomes).toEqual([
      {
        key: 'ACC/1',
        status: 'failed',
        code: 'DESTINATION_KEY_INVALID',
        message: expect.stringContaining('refuses in a key'),
        retryable: false,
      },
      {
        key: '',
        status: 'failed',
        code: 'DESTINATION_KEY_INVALID',
        message: expect.stringContaining('has no accountnumber'),
        retryable: false,
      },
    ]);
    expect(await sentBatches()).toEqual([]);
  });
});

describe('DataverseDestination dry run', () => {
  it('tells created, updated and unchanged from one read, and writes nothing', async () => {
    const before = emulator.sales.accounts.list();
    const outcomes = await accounts().write(
      [
        request(
          'ACC-01000-AAAAAA',
          { name: 'Fourth Coffee', telephone1: '425-555-0100', address1_city: 'Redmond' },
          true,
        ),
        request('acc-01001-bbbbbb', { name: 'Litware', telephone1: '', address1_city: 'Seattle' }),
        request('ACC-06000-FFFFFF', { name: 'New', telephone1: null }),
        request("O'Brien", { name: "O'Brien" }),
      ],
      { dryRun: true },
    );
    const counts = emulator.requestCounts().sales;

    expect(outcomes).toEqual([
      { key: 'ACC-01000-AAAAAA', status: 'unchanged' },
      { key: 'acc-01001-bbbbbb', status: 'updated' },
      { key: 'ACC-06000-FFFFFF', status: 'created' },
      { key: "O'Brien", status: 'created' },
    ]);
    expect(counts).toMatchObject({ reads: 1, writes: 0 });
    expect(emulator.sales.accounts.list()).toEqual(before);
  });

  it('sees a column to clear as a change', async () => {
    const outcomes = await accounts().write(
      [request('ACC-01000-AAAAAA', { name: 'Fourth Coffee', telephone1: null, address1_city: 'Redmond' }, true)],
      { dryRun: true },
    );
    expect(outcomes).toEqual([{ key: 'ACC-01000-AAAAAA', status: 'updated' }]);
  });
});
