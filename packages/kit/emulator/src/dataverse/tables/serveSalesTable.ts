import { emptyResponse, jsonResponse } from '../../http/jsonResponse.js';
import { readJsonObject } from '../../http/readJsonObject.js';
import { etagMatches } from '../../odata/etags.js';
import { parsePrefer } from '../../odata/parsePrefer.js';
import type { KeySegment } from '../../odata/parseResourcePath.js';
import { contextFragment, type DataverseEntitySet } from '../DataverseEntitySet.js';
import { dataverseFaults } from '../DataverseFault.js';
import { etagOf } from '../rowShape.js';
import { queryDataverseCollection, readShape } from '../queryDataverseCollection.js';
import type { SalesTables, TableTarget } from './SalesTables.js';
import type { SalesRow } from './TableDefinition.js';
import { formatTableRow } from './tableEntitySet.js';
import { tableFaults } from './tableFaults.js';
import type { StoredRow } from './TableStore.js';
import { asksForChanges, trackChanges, trackingFaults, type TrackingClock } from '../changes/trackChanges.js';
import type { ChangeTrackingSettings } from '../changes/changeTrackingSettings.js';
import type { WriteAction } from '../../store/WriteLog.js';

export interface TableRequest {
  readonly request: Request;
  readonly url: URL;
  readonly root: string;
  readonly set: DataverseEntitySet<SalesRow>;
  readonly key: KeySegment | undefined;
  readonly counting: boolean;
  /** The change-tracking settings when the table is tracked now; absent, the preference is ignored. */
  readonly tracking?: { readonly settings: ChangeTrackingSettings; readonly clock: TrackingClock } | undefined;
  /** Told of each successful write (the row as stored; before a delete). */
  readonly onWrite?: (action: WriteAction, row: Readonly<SalesRow>) => void;
}

async function body(request: Request, set: string): Promise<Record<string, unknown>> {
  const value = await readJsonObject(request);
  if (!value) throw tableFaults.payload(set, 'Microsoft.OData.ODataException: The request body is not a JSON object.');
  return value;
}

function versionOf(row: StoredRow): string {
  return etagOf(row.values['versionnumber'] as number);
}

function written(tables: SalesTables, call: TableRequest, row: StoredRow, status: 200 | 201): Response {
  const definition = tables.table(call.set.name).definition;
  const entityId = `${call.root}${call.set.name}(${String(row.values[definition.primaryKey])})`;
  if (parsePrefer(call.request.headers.get('prefer')).get('return') !== 'representation') {
    return emptyResponse(204, { 'OData-EntityId': entityId });
  }
  const shape = readShape(call.url, call.request, call.set);
  return jsonResponse(
    status,
    {
      '@odata.context': `${call.root}$metadata#${contextFragment(call.set.name, shape.select, shape.expand)}/$entity`,
      ...formatTableRow(tables, definition, row, shape),
    },
    { 'OData-EntityId': entityId, 'Preference-Applied': 'return=representation', ETag: versionOf(row) },
  );
}

/**
 * GET of a collection: with change tracking on, `Prefer: odata.track-changes`, a `$deltatoken`
 * or a tracking next link read changes; with it off the preference is ignored (no delta link),
 * as Dataverse does, and a delta token is refused.
 */
function queryCollection(tables: SalesTables, call: TableRequest): Response {
  const { request, url, root, set } = call;
  if (asksForChanges(request, url) && call.tracking) {
    const table = tables.table(set.name);
    return trackChanges(
      request,
      url,
      {
        set,
        keyOrder: () => table.idsInKeyOrder(),
        row: (id) => table.get(id)?.values,
        versionOf: (row) => (typeof row['versionnumber'] === 'number' ? row['versionnumber'] : 0),
        changes: table.changes,
      },
      call.tracking.clock,
      root,
      call.tracking.settings,
    );
  }
  if (url.searchParams.has('$deltatoken')) throw trackingFaults.notTracked(tables.table(set.name).definition.logical);
  return queryDataverseCollection(request, url, set, root);
}

/**
 * One request on a generic table: GET (collection, `$count`, by key), POST, PATCH-by-key
 * upsert with `If-Match` / `If-None-Match`, DELETE.
 */
export async function serveSalesTable(tables: SalesTables, call: TableRequest): Promise<Response> {
  const { request, url, root, set, key } = call;
  const method = request.method.toUpperCase();
  if (call.counting) return queryDataverseCollection(request, url, set, root, true);
  if (!key) {
    if (method === 'GET') return queryCollection(tables, call);
    if (method === 'POST') {
      const row = tables.create(set.name, tables.read(set.name, await body(request, set.name), 'webapi'), 'webapi');
      call.onWrite?.('create', row.values);
      return written(tables, call, row, 201);
    }
    throw dataverseFaults.methodNotAllowed(method, set.name);
  }
  const target = tables.find(set.name, key);
  switch (method) {
    case 'GET': {
      if (!target.row) throw tables.notFound(set.name, target);
      const etag = versionOf(target.row);
      const ifNoneMatch = request.headers.get('if-none-match');
      if (ifNoneMatch && etagMatches(ifNoneMatch, etag)) return emptyResponse(304, { ETag: etag });
      const shape = readShape(url, request, set);
      const headers: Record<string, string> = { ETag: etag };
      if (shape.annotationPreference !== undefined)
        headers['Preference-Applied'] = `odata.include-annotations="${shape.annotationPreference}"`;
      return jsonResponse(
        200,
        {
          '@odata.context': `${root}$metadata#${contextFragment(set.name, shape.select, shape.expand)}/$entity`,
          ...formatTableRow(tables, tables.table(set.name).definition, target.row, shape),
        },
        headers,
      );
    }
    case 'PATCH':
      return upsert(tables, call, target);
    case 'DELETE': {
      if (!target.row) throw tables.notFound(set.name, target);
      const ifMatch = request.headers.get('if-match');
      if (ifMatch && !etagMatches(ifMatch, versionOf(target.row))) throw dataverseFaults.versionMismatch();
      tables.remove(set.name, String(target.row.values[set.primaryKey]));
      call.onWrite?.('delete', target.row.values);
      return emptyResponse(204);
    }
    default:
      throw dataverseFaults.methodNotAllowed(method, set.name);
  }
}

/** PATCH by key is an upsert; If-Match / If-None-Match turn it into update-only / create-only. */
async function upsert(tables: SalesTables, call: TableRequest, target: TableTarget): Promise<Response> {
  const { request, set } = call;
  const ifMatch = request.headers.get('if-match');
  const ifNoneMatch = request.headers.get('if-none-match');
  const payload = tables.read(set.name, await body(request, set.name), 'webapi');
  if (target.row) {
    if (ifNoneMatch?.trim() === '*') throw dataverseFaults.duplicateRecord();
    if (ifMatch && !etagMatches(ifMatch, versionOf(target.row))) throw dataverseFaults.versionMismatch();
    const row = tables.update(set.name, String(target.row.values[set.primaryKey]), payload, 'webapi');
    call.onWrite?.('update', row.values);
    return written(tables, call, row, 200);
  }
  if (ifMatch) throw tables.notFound(set.name, target);
  const definition = tables.table(set.name).definition;
  const keyed =
    target.id !== undefined
      ? { ...payload.values, [definition.primaryKey]: target.id }
      : { ...payload.values, [definition.alternateKey ?? '']: target.alternateKey ?? null };
  const row = tables.create(set.name, { values: keyed, lookups: payload.lookups }, 'webapi');
  call.onWrite?.('create', row.values);
  return written(tables, call, row, 201);
}
