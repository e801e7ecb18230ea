import { ConfigError, type EntityRef, type RecordSource, type SourcePage } from '@p2c/core';
import type { EmulatorSeed } from '@p2c/emulator';
import { describe, expect, it } from 'vitest';
import { finops, finopsReads } from './harness.js';

const customers = (options?: Record<string, unknown>): EntityRef => ({
  entity: 'CustomersV3',
  key: ['dataAreaId', 'CustomerAccount'],
  fields: ['OrganizationName', 'CustomerGroupId'],
  ...(options === undefined ? {} : { options }),
});

/** Seven customers in usmf (the default company), five in usrt, one with a quote in its key. */
const seed: EmulatorSeed = {
  finops: {
    legalEntities: ['usmf', 'usrt'],
    customers: [
      ...['C-001', 'C-002', 'C-003', 'C-004', 'C-005', 'C-006'].map((account) => ({
        dataAreaId: 'usmf',
        CustomerAccount: account,
        OrganizationName: `Contoso ${account}`,
        CustomerGroupId: '10',
        CreditLimit: 1000,
      })),
      { dataAreaId: 'usmf', CustomerAccount: "O'BRIEN-1", OrganizationName: "O'Brien Ltd", CustomerGroupId: '20' },
      ...['C-001', 'R-002', 'R-003', 'R-004'].map((account) => ({
        dataAreaId: 'usrt',
        CustomerAccount: account,
        OrganizationName: `Fabrikam ${account}`,
        CustomerGroupId: '30',
      })),
      {
        dataAreaId: 'usrt',
        CustomerAccount: 'R-005',
        OrganizationName: '',
        PartyType: 'Person',
        CustomerGroupId: '30',
      },
    ],
  },
};

async function readAll(
  source: RecordSource,
  pageSize: number,
  checkpoint: SourcePage['checkpoint'] = null,
): Promise<SourcePage[]> {
  const pages: SourcePage[] = [];
  for await (const page of source.read({ checkpoint, pageSize })) pages.push(page);
  return pages;
}

describe('FinOpsSource over CustomersV3', () => {
  it('reads every legal entity in pages, ids from the key, the checkpoint on the last page', async () => {
    const source = finops(seed).source(customers());
    const pages = await readAll(source, 5);

    expect(pages.map((page) => page.records.length)).toEqual([5, 5, 2]);
    expect(finopsReads()).toBe(3);
    const ids = pages.flatMap((page) => page.records.map((record) => record.id));
    expect(ids).toHaveLength(12);
    expect(ids).toContain('usmf|C-001');
    expect(ids).toContain('usrt|C-001');
    expect(ids).toContain("usmf|O'BRIEN-1");
    expect(pages.slice(0, -1).every((page) => page.checkpoint === null)).toBe(true);
    expect(pages.at(-1)?.checkpoint).toEqual({ fullReadAt: expect.any(String) });
    // Only the key and the asked-for fields are read.
    const first = pages[0]?.records[0]?.data;
    expect(first).toMatchObject({
      dataAreaId: 'usmf',
      CustomerAccount: 'C-001',
      OrganizationName: 'Contoso C-001',
      CustomerGroupId: '10',
    });
    expect(first).not.toHaveProperty('CreditLimit');
  });

  it('reads everything again after a full read (no modified field)', async () => {
    const source = finops(seed).source(customers());
    const first = await readAll(source, 100);
    const again = await readAll(source, 100, first.at(-1)?.checkpoint ?? null);
    expect(again.flatMap((page) => page.records)).toHaveLength(12);
  });

  it('reads the default company only when crossCompany is false', async () => {
    const pages = await readAll(finops(seed).source(customers({ crossCompany: false })), 100);
    const ids = pages.flatMap((page) => page.records.map((record) => record.id));
    expect(ids).toHaveLength(7);
    expect(ids.every((id) => id.startsWith('usmf|'))).toBe(true);
  });

  it('reads only the legal entities named, whatever their case', async () => {
    const pages = await readAll(finops(seed).source(customers({ legalEntities: ['USRT'] })), 2);
    const ids = pages.flatMap((page) => page.records.map((record) => record.id));
    expect(ids).toEqual(['usrt|C-001', 'usrt|R-002', 'usrt|R-003', 'usrt|R-004', 'usrt|R-005']);
  });

  it('reads records by id across companies, leaving out the missing ones', async () => {
    const source = finops(seed).source(customers({ lookupChunkSize: 2 }));
    const records = await source.readByIds!([
      'usrt|C-001',
      "usmf|O'BRIEN-1",
      'USMF|c-002',
      'usmf|NO-SUCH',
      'usmf|C-*',
      'not-an-id',
    ]);
    expect(records.map((record) => record.id)).toEqual(['usrt|C-001', "usmf|O'BRIEN-1", 'usmf|C-002']);
    expect(records[0]?.data).toMatchObject({ OrganizationName: 'Fabrikam C-001' });
    // Five well-formed ids, two per read.
    expect(finopsReads()).toBe(3);
  });

  it('scans every key, blank ones as null', async () => {
    const source = finops(seed).source(customers());
    const holders = [];
    for await (const page of source.scanKeys!('OrganizationName', { pageSize: 4 })) {
      expect(page.length).toBeLessThanOrEqual(4);
      holders.push(...page);
    }
    expect(holders).toHaveLength(12);
    expect(holders).toContainEqual({ id: "usmf|O'BRIEN-1", key: "O'Brien Ltd" });
    expect(holders).toContainEqual({ id: 'usrt|R-005', key: null });
  });

  it('finds the ids holding a key, with quotes, and never by wildcard', async () => {
    const source = finops(seed).source(customers());
    expect(await source.findIdsByKey!('OrganizationName', "O'Brien Ltd")).toEqual(["usmf|O'BRIEN-1"]);
    expect(await source.findIdsByKey!('CustomerAccount', 'C-001')).toEqual(['usmf|C-001', 'usrt|C-001']);
    expect(await source.findIdsByKey!('CustomerAccount', 'C-*')).toEqual([]);
  });

  it('offers no key write-back', () => {
    expect(typeof finops(seed).source(customers()).writeKeys).toBe('undefined');
  });

  it('refuses invalid options, naming the field', () => {
    const connector = finops(seed);
    expect(() => connector.source(customers({ legalEntities: 'usmf' }))).toThrow(/options\.legalEntities/);
    expect(() => connector.source(customers({ crossCompany: false, legalEntities: ['usrt'] }))).toThrow(
      /options\.legalEntities/,
    );
    expect(() => connector.source(customers({ modifiedField: '' }))).toThrow(/options\.modifiedField/);
    expect(() => connector.source({ ...customers(), key: [] })).toThrow(ConfigError);
  });

  it('refuses a checkpoint it did not write', async () => {
    const source = finops(seed).source(customers());
    await expect(readAll(source, 10, { deltaLink: 'https://example.com' })).rejects.toThrow(/not an F&O watermark/);
  });
});
