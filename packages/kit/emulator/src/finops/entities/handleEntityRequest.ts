import { emptyResponse, jsonResponse } from '../../http/jsonResponse.js';
import { readJsonObject } from '../../http/readJsonObject.js';
import { etagMatches } from '../../odata/etags.js';
import { ODataQueryError } from '../../odata/ODataQueryError.js';
import type { KeySegment } from '../../odata/parseResourcePath.js';
import { parseSelect } from '../../odata/parseSelect.js';
import { finOpsEtag } from '../finOpsEtag.js';
import { FinOpsFault, methodNotSupported, noResource } from '../FinOpsFault.js';
import type { FinOpsStore } from '../FinOpsStore.js';
import {
  formatFinOpsRow,
  isCrossCompany,
  queryFinOpsCollection,
  type FinOpsEntitySet,
} from '../queryFinOpsCollection.js';
import type { EntityDefinition, FinOpsEntityRow, FinOpsEntityValue } from './EntityDefinition.js';
import { entityModel, keyOf, readField } from './entityModel.js';
import { createEntityRow, deleteEntityRow, updateEntityRow } from './entityWrites.js';
import { readEntityPayload } from './readEntityPayload.js';
import type { WriteAction } from '../../store/WriteLog.js';

/** The query layer's view of a declared entity: stored rows, computed fields read live. */
function entityQuerySet(store: FinOpsStore, definition: EntityDefinition): FinOpsEntitySet<FinOpsEntityRow> {
  return {
    name: definition.entitySet,
    model: entityModel(definition),
    keyFields: ['dataAreaId', ...definition.keyFields],
    reader: { value: (row, property) => readField(definition, store.lookup, row, property) },
    rows: () => store.entities.rows(definition.entitySet),
    etag: (row) =>
      finOpsEtag(store.entities.version(definition.entitySet, String(row['dataAreaId']), keyOf(definition, row))),
  };
}

function literal(value: FinOpsEntityValue): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/** `(dataAreaId='usmf',SalesQuotationNumber='Q-1',LineNumber=1)` in any order; names are case-sensitive. */
function parseKey(definition: EntityDefinition, key: KeySegment): [string, FinOpsEntityValue[]] {
  const values = key.kind === 'named' ? key.values : new Map<string, FinOpsEntityValue>();
  const dataAreaId = values.get('dataAreaId');
  const parts = definition.keyFields.map((field) => {
    const value = values.get(field);
    const numeric = definition.fields[field]?.kind === 'decimal' || definition.fields[field]?.kind === 'integer';
    return (numeric ? typeof value === 'number' : typeof value === 'string') ? value : undefined;
  });
  if (
    values.size !== definition.keyFields.length + 1 ||
    typeof dataAreaId !== 'string' ||
    parts.some((part) => part === undefined)
  ) {
    throw new ODataQueryError(
      `The number of keys specified in the URI does not match number of key properties for the resource 'Microsoft.Dynamics.DataEntities.${definition.typeName}'.`,
    );
  }
  return [dataAreaId.toLowerCase(), parts as FinOpsEntityValue[]];
}

/**
 * The row's URL, as F&O answers a create with it in `Location`: a URL, so a key's characters
 * outside plain ASCII (CJK, emoji, a line break) are percent-encoded, quotes left legible; a
 * raw one would not even fit in an HTTP header.
 */
function entityLocation(root: string, definition: EntityDefinition, row: FinOpsEntityRow): string {
  const parts = ['dataAreaId', ...definition.keyFields].map(
    // Half a surrogate pair has no UTF-8 form; it shows as U+FFFD rather than break the answer.
    (field) => `${field}=${encodeURIComponent(literal(row[field] ?? '').replace(/[\ud800-\udfff]/gu, '\ufffd'))}`,
  );
  return `${root}${definition.entitySet}(${parts.join(',')})`;
}

async function body(request: Request, definition: EntityDefinition): Promise<Record<string, unknown>> {
  const value = await readJsonObject(request);
  if (!value) throw new FinOpsFault(400, `The request body must be a JSON object describing a ${definition.typeName}.`);
  return value;
}

/**
 * One declared entity set under `/data/`: the collection (GET with the F&O query options,
 * `/$count`, POST) and rows by key (GET, PATCH, DELETE with ETags), as CustomersV3 behaves.
 */
export async function handleEntityRequest(
  request: Request,
  url: URL,
  root: string,
  store: FinOpsStore,
  definition: EntityDefinition,
  key: KeySegment | undefined,
  rest: readonly string[],
  /** Told of each successful write, with the row's key fields joined (`usmf,SO-1,1`). */
  onWrite?: (action: WriteAction, key: string) => void,
): Promise<Response> {
  const logged = (action: WriteAction, row: FinOpsEntityRow) =>
    onWrite?.(action, [String(row['dataAreaId']), ...keyOf(definition, row).map(String)].join(','));
  const method = request.method.toUpperCase();
  const set = entityQuerySet(store, definition);
  const name = definition.entitySet;
  if (!key) {
    if (rest.length === 1 && rest[0] === '$count' && method === 'GET') {
      return queryFinOpsCollection(request, url, set, root, store.defaultCompany, true);
    }
    if (rest.length > 0) return noResource(request.url);
    if (method === 'GET') return queryFinOpsCollection(request, url, set, root, store.defaultCompany);
    if (method !== 'POST') return methodNotSupported(method);
    const row = createEntityRow(store, definition, readEntityPayload(definition, await body(request, definition)));
    logged('create', row);
    const etag = set.etag(row);
    return jsonResponse(
      201,
      { '@odata.context': `${root}$metadata#${name}/$entity`, ...formatFinOpsRow(set, row, undefined) },
      { Location: entityLocation(root, definition, row), ...(etag ? { ETag: etag } : {}) },
    );
  }
  if (rest.length > 0) return noResource(request.url);
  const [dataAreaId, parts] = parseKey(definition, key);
  const inScope = isCrossCompany(url) || dataAreaId === store.defaultCompany;
  const found = inScope ? store.entities.get(name, dataAreaId, parts) : undefined;
  const checkEtag = (row: FinOpsEntityRow): void => {
    const ifMatch = request.headers.get('if-match');
    const etag = set.etag(row);
    if (ifMatch && etag && !etagMatches(ifMatch, etag)) {
      throw new FinOpsFault(
        412,
        'The record has been changed by another user since it was read (the ETag does not match).',
      );
    }
  };
  switch (method) {
    case 'GET': {
      if (!found) throw new FinOpsFault(404, `Resource not found for the segment '${name}'.`);
      const selectText = url.searchParams.get('$select');
      const select = selectText === null ? undefined : parseSelect(selectText, set.model);
      return jsonResponse(200, {
        '@odata.context': `${root}$metadata#${name}${select ? `(${select.join(',')})` : ''}/$entity`,
        ...formatFinOpsRow(set, found, select),
      });
    }
    case 'PATCH': {
      const changes = readEntityPayload(definition, await body(request, definition));
      if (!found) throw new FinOpsFault(404, 'No resources were found when selecting for update.');
      checkEtag(found);
      logged('update', updateEntityRow(store, definition, found, changes));
      return emptyResponse(204);
    }
    case 'DELETE': {
      if (!found) throw new FinOpsFault(404, 'No resources were found when selecting for delete.');
      checkEtag(found);
      deleteEntityRow(store, definition, found);
      logged('delete', found);
      return emptyResponse(204);
    }
    default:
      return methodNotSupported(method);
  }
}
