import { jsonResponse } from '../http/jsonResponse.js';
import { buildQuery } from '../odata/buildQuery.js';
import type { EntityModel, RowReader } from '../odata/EntityModel.js';
import { compileFilter } from '../odata/filter/compileFilter.js';
import { ODataQueryError } from '../odata/ODataQueryError.js';
import { parseOrderBy, rowComparator } from '../odata/parseOrderBy.js';
import { parsePrefer, requestedPageSize } from '../odata/parsePrefer.js';
import { parseSelect } from '../odata/parseSelect.js';

/** F&O pages at 10,000 rows and never sends more in one response. */
const FINOPS_MAX_PAGE_SIZE = 10_000;

const SUPPORTED_OPTIONS = new Set(['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand', '$format']);

/** What the F&O query code needs to know about one entity set. */
export interface FinOpsEntitySet<Row> {
  readonly name: string;
  readonly model: EntityModel;
  readonly keyFields: readonly string[];
  readonly reader: RowReader<Row>;
  rows(): Row[];
  etag(row: Row): string | undefined;
}

export function isCrossCompany(url: URL): boolean {
  return url.searchParams.get('cross-company')?.toLowerCase() === 'true';
}

export function formatFinOpsRow<Row>(
  set: FinOpsEntitySet<Row>,
  row: Row,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const etag = set.etag(row);
  if (etag !== undefined) out['@odata.etag'] = etag;
  for (const name of select ?? Object.keys(set.model.properties)) out[name] = set.reader.value(row, name);
  return out;
}

function nonNegativeInteger(name: string, text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new ODataQueryError(
      `Invalid value '${text}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`,
    );
  }
  return Number(text);
}

/**
 * GET on an F&O collection (or its `/$count`): rows of the default company unless `cross-company=true`, then
 * `$filter` (with F&O's `*` wildcard in `eq`), `$orderby`, `$skip`/`$top`, `$select`,
 * `$count`, and server-driven paging whose next link carries `$skip`.
 */
export function queryFinOpsCollection<Row>(
  request: Request,
  url: URL,
  set: FinOpsEntitySet<Row>,
  serviceRoot: string,
  defaultCompany: string,
  countOnly = false,
): Response {
  for (const name of url.searchParams.keys()) {
    if (name.startsWith('$') && !SUPPORTED_OPTIONS.has(name)) {
      throw new ODataQueryError(`The query parameter '${name}' is not supported.`);
    }
  }
  const expand = url.searchParams.get('$expand');
  if (expand !== null) {
    const navigation = expand.split(/[(,]/)[0]?.trim() ?? '';
    throw new ODataQueryError(`Could not find a property named '${navigation}' on type '${set.model.typeName}'.`);
  }
  const filterText = url.searchParams.get('$filter');
  const filter =
    filterText === null ? undefined : compileFilter(filterText, set.model, set.reader, { wildcardEquals: true });
  const orderText = url.searchParams.get('$orderby');
  const orderBy = orderText === null ? [] : parseOrderBy(orderText, set.model);
  const selectText = url.searchParams.get('$select');
  const select = selectText === null ? undefined : parseSelect(selectText, set.model);
  const top = nonNegativeInteger('$top', url.searchParams.get('$top'));
  const skip = nonNegativeInteger('$skip', url.searchParams.get('$skip')) ?? 0;

  const company = defaultCompany.toLowerCase();
  const crossCompany = isCrossCompany(url);
  const matching = set
    .rows()
    .filter((row) => crossCompany || String(set.reader.value(row, 'dataAreaId')).toLowerCase() === company)
    .filter((row) => filter?.(row) ?? true);
  if (countOnly) {
    return new Response(String(matching.length), {
      status: 200,
      headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' },
    });
  }
  matching.sort(rowComparator(orderBy, set.keyFields, set.reader));

  const asked = requestedPageSize(parsePrefer(request.headers.get('prefer')));
  const pageSize = Math.min(asked ?? FINOPS_MAX_PAGE_SIZE, FINOPS_MAX_PAGE_SIZE);
  const remaining = matching.slice(skip, top === undefined ? undefined : skip + top);
  const page = remaining.slice(0, pageSize);

  const body: Record<string, unknown> = {
    '@odata.context': `${serviceRoot}$metadata#${set.name}${select ? `(${select.join(',')})` : ''}`,
  };
  if (url.searchParams.get('$count') === 'true') body['@odata.count'] = matching.length;
  body['value'] = page.map((row) => formatFinOpsRow(set, row, select));
  if (remaining.length > page.length) {
    const params = [...url.searchParams].filter(([name]) => name !== '$skip' && name !== '$top');
    params.push(['$skip', String(skip + page.length)]);
    if (top !== undefined) params.push(['$top', String(top - page.length)]);
    body['@odata.nextLink'] = `${url.origin}${url.pathname}?${buildQuery(params)}`;
  }
  return jsonResponse(200, body, asked !== undefined ? { 'Preference-Applied': `odata.maxpagesize=${pageSize}` } : {});
}
