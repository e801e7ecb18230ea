import type { RecordSource, SourcePage } from '@p2c/core';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FINOPS_DATA_URL, finops, server } from './harness.js';

// The emulator's entities have no modified datetime field, so a stand-in entity answers here:
// two pages of rows, recording what was asked.
const ENTITY = 'ChangedRows';
const rows = [
  { dataAreaId: 'usmf', RowId: 'A', Name: 'first', ModifiedDateTime: '2026-11-20T08:00:00Z' },
  { dataAreaId: 'usrt', RowId: 'B', Name: 'second', ModifiedDateTime: '2026-11-20T09:30:00Z' },
  { dataAreaId: 'usmf', RowId: 'C', Name: 'third', ModifiedDateTime: '2026-11-20T10:15:00Z' },
];

function serveChangedRows(): URL[] {
  const asked: URL[] = [];
  server.use(
    http.get(`${FINOPS_DATA_URL}/${ENTITY}`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const page = rows.slice(skip, skip + 2);
      const next = new URL(url);
      next.searchParams.set('$skip', String(skip + 2));
      return HttpResponse.json({
        value: page,
        ...(skip + 2 < rows.length ? { '@odata.nextLink': next.toString() } : {}),
      });
    }),
  );
  return asked;
}

function source(): RecordSource {
  const connector = finops({});
  return connector.source({
    entity: ENTITY,
    key: ['dataAreaId', 'RowId'],
    fields: ['Name'],
    options: { modifiedField: 'ModifiedDateTime', watermarkMarginSeconds: 60 },
  });
}

async function readAll(from: RecordSource, checkpoint: SourcePage['checkpoint']): Promise<SourcePage[]> {
  const pages: SourcePage[] = [];
  for await (const page of from.read({ checkpoint, pageSize: 2 })) pages.push(page);
  return pages;
}

describe('FinOpsSource with a modified field', () => {
  it('reads changes since the watermark, in change order, and moves the watermark to the last one', async () => {
    const asked = serveChangedRows();
    const pages = await readAll(source(), { modifiedSince: '2026-11-20T07:00:00.000Z' });

    expect(asked[0]?.searchParams.get('$filter')).toBe('ModifiedDateTime ge 2026-11-20T07:00:00.000Z');
    expect(asked[0]?.searchParams.get('$orderby')).toBe('ModifiedDateTime asc,dataAreaId asc,RowId asc');
    expect(asked[0]?.searchParams.get('$select')).toBe('dataAreaId,RowId,ModifiedDateTime,Name');
    expect(asked[0]?.searchParams.get('cross-company')).toBe('true');
    expect(pages.map((page) => page.records.map((record) => record.id))).toEqual([['usmf|A', 'usrt|B'], ['usmf|C']]);
    expect(pages.map((page) => page.checkpoint)).toEqual([null, { modifiedSince: '2026-11-20T10:15:00Z' }]);
  });

  it('keeps the watermark when nothing changed', async () => {
    const asked: URL[] = [];
    server.use(
      http.get(`${FINOPS_DATA_URL}/${ENTITY}`, ({ request }) => {
        asked.push(new URL(request.url));
        return HttpResponse.json({ value: [] });
      }),
    );
    const pages = await readAll(source(), { modifiedSince: '2026-11-21T00:00:00.000Z' });
    expect(asked).toHaveLength(1);
    expect(pages).toEqual([{ records: [], checkpoint: { modifiedSince: '2026-11-21T00:00:00.000Z' } }]);
  });

  it('reads everything first, ending with a watermark a margin before the read began', async () => {
    const asked = serveChangedRows();
    const before = Date.now();
    const pages = await readAll(source(), null);

    expect(asked[0]?.searchParams.get('$filter')).toBeNull();
    expect(asked[0]?.searchParams.get('$orderby')).toBe('dataAreaId asc,RowId asc');
    expect(pages.flatMap((page) => page.records)).toHaveLength(3);
    const checkpoint = pages.at(-1)?.checkpoint;
    const watermark = checkpoint?.['modifiedSince'];
    if (typeof watermark !== 'string') {
      throw new Error(`expected a modifiedSince watermark, got ${JSON.stringify(checkpoint)}`);
    }
    const since = Date.parse(watermark);
    expect(since).toBeGreaterThanOrEqual(before - 60_000 - 1000);
    expect(since).toBeLessThanOrEqual(Date.now() - 60_000);
  });

  it('reads everything once when the last read was a full read', async () => {
    const asked = serveChangedRows();
    const log: string[] = [];
    const pages: SourcePage[] = [];
    for await (const page of source().read({
      checkpoint: { fullReadAt: '2026-11-20T00:00:00.000Z' },
      pageSize: 2,
      log: (m) => log.push(m),
    })) {
      pages.push(page);
    }
    expect(asked[0]?.searchParams.get('$filter')).toBeNull();
    expect(pages.flatMap((page) => page.records)).toHaveLength(3);
    expect(pages.at(-1)?.checkpoint).toHaveProperty('modifiedSince');
    expect(log).toEqual([`${ENTITY} is read by ModifiedDateTime from now on; reading every record once`]);
  });
});
